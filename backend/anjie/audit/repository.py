from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.audit.models import AuditEvent

# Any constant works; it only has to be the same for every writer of the chain.
_CHAIN_LOCK = 0x616E6A6965  # "anjie"


async def lock_chain_and_next_id(session: AsyncSession) -> tuple[bytes | None, int]:
    """Serialise appenders until commit, then read the chain head and reserve the next id."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    head = await session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    next_id = await session.scalar(text("SELECT nextval('audit_event_id_seq')"))
    return head, int(next_id or 0)


async def chain_batch(session: AsyncSession, *, after_id: int, limit: int) -> Sequence[AuditEvent]:
    result = await session.scalars(
        select(AuditEvent).where(AuditEvent.id > after_id).order_by(AuditEvent.id).limit(limit)
    )
    return result.all()


async def list_events(
    session: AsyncSession,
    *,
    org_path: str,
    include_unscoped: bool,
    before_id: int | None,
    limit: int,
    action: str | None = None,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    occurred_from: datetime | None = None,
    occurred_to: datetime | None = None,
) -> Sequence[AuditEvent]:
    """Newest first, keyset on id, bounded by the caller's org subtree."""
    scope = AuditEvent.org_path.startswith(org_path, autoescape=True)
    if include_unscoped:
        scope = scope | AuditEvent.org_path.is_(None)
    query = select(AuditEvent).where(scope)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if case_id:
        query = query.where(AuditEvent.case_id == case_id)
    if occurred_from:
        query = query.where(AuditEvent.occurred_at >= occurred_from)
    if occurred_to:
        query = query.where(AuditEvent.occurred_at < occurred_to)
    result = await session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit))
    return result.all()
