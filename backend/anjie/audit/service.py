"""The audit trail: every write records an event in the same transaction as the change.

Events form a hash chain (hash = sha256(prev_hash ‖ canonical row)). Appends take a
transaction-scoped advisory lock so concurrent writers still produce one chain, in id order.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import repository
from anjie.audit.models import AuditEvent
from anjie.audit.schemas import VerifyResult
from anjie.core import clock
from anjie.core.logging import request_id_var
from anjie.core.masking import redact
from anjie.core.ports import Port

GENESIS = bytes(32)

# An event is visible in its unit's subtree; the org tree, above this layer, knows the path.
unit_paths: Port[Callable[[AsyncSession, uuid.UUID], Awaitable[str | None]]] = Port("unit_paths")


@dataclass(frozen=True)
class Actor:
    type: str
    id: uuid.UUID | None
    name: str | None
    roles: tuple[str, ...]
    ip: str | None = None
    user_agent: str | None = None

    @classmethod
    def of(cls, principal: Principal) -> Actor:
        return cls(
            type=principal.kind,
            id=principal.id,
            name=principal.name,
            roles=principal.roles,
            ip=principal.ip,
            user_agent=principal.user_agent,
        )

    @classmethod
    def anonymous(cls, name: str | None, ip: str | None, user_agent: str | None) -> Actor:
        return cls(type="anonymous", id=None, name=name, roles=(), ip=ip, user_agent=user_agent)

    @classmethod
    def system(cls) -> Actor:
        return cls(type="system", id=None, name="system", roles=())


# Floats at or above this print in exponent form, which JSONB stores as an exact integer.
_JSONB_INT_FLOAT = 1e16


def _jsonb_stable(value: Any) -> Any:
    """The value as it will read back from JSONB, so the hash covers what is stored.

    JSONB keeps numbers as `numeric`: 1e16 comes back as the integer 10000000000000000 and -0.0
    as 0.0, and it refuses NaN and Infinity. Hashing the unnormalised float would make an
    untouched row fail verification.
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if abs(value) >= _JSONB_INT_FLOAT:
            return int(value)
        return value + 0.0  # -0.0 -> 0.0
    if isinstance(value, dict):
        return {key: _jsonb_stable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonb_stable(item) for item in value]
    return value


def _jsonable(value: Any) -> Any:
    if value is None:
        return None
    return _jsonb_stable(json.loads(json.dumps(redact(value), default=str, ensure_ascii=False)))


def canonical(event: AuditEvent) -> bytes:
    """The bytes a row's hash covers; stable across a JSONB round trip."""
    occurred = event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    row = {
        "id": event.id,
        "occurred_at": occurred,
        "actor_type": event.actor_type,
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "actor_name": event.actor_name,
        "actor_roles": list(event.actor_roles),
        "org_unit_id": str(event.org_unit_id) if event.org_unit_id else None,
        "org_path": event.org_path,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "case_id": str(event.case_id) if event.case_id else None,
        "reason": event.reason,
        "before": event.before,
        "after": event.after,
        "ip": event.ip,
        "user_agent": event.user_agent,
        "request_id": event.request_id,
    }
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: bytes, event: AuditEvent) -> bytes:
    return hashlib.sha256(prev_hash + canonical(event)).digest()


async def record(
    session: AsyncSession,
    actor: Actor | Principal,
    action: str,
    *,
    entity_type: str,
    entity_id: str | uuid.UUID | None = None,
    org_unit_id: uuid.UUID | None = None,
    org_path: str | None = None,
    case_id: uuid.UUID | None = None,
    reason: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    who = Actor.of(actor) if isinstance(actor, Principal) else actor
    prev_hash, event_id = await repository.lock_chain_and_next_id(session)
    event = AuditEvent(
        id=event_id,
        occurred_at=clock.now().astimezone(UTC),
        actor_type=who.type,
        actor_id=who.id,
        actor_name=who.name,
        actor_roles=list(who.roles),
        org_unit_id=org_unit_id,
        org_path=org_path,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id) if entity_id is not None else None,
        case_id=case_id,
        reason=reason,
        before=_jsonable(before),
        after=_jsonable(after),
        ip=(who.ip or None) and who.ip[:64],
        user_agent=(who.user_agent or None) and who.user_agent[:300],
        request_id=request_id_var.get(),
        prev_hash=prev_hash or GENESIS,
    )
    event.hash = chain_hash(event.prev_hash, event)
    session.add(event)
    await session.flush()
    return event


async def verify(session: AsyncSession, batch: int = 2000) -> VerifyResult:
    """Walk the chain in id order; report the first row whose links or hash do not match."""
    checked = 0
    prev = GENESIS
    after_id = 0
    while True:
        rows = await repository.chain_batch(session, after_id=after_id, limit=batch)
        if not rows:
            return VerifyResult(ok=True, checked=checked, first_bad_id=None)
        for event in rows:
            checked += 1
            if event.prev_hash != prev or chain_hash(event.prev_hash, event) != event.hash:
                return VerifyResult(ok=False, checked=checked, first_bad_id=event.id)
            prev = event.hash
            after_id = event.id


class CaseRef(Protocol):
    """What an event on a case's sub-resource needs of the case (cases.models.Case fits)."""

    id: uuid.UUID
    org_unit_id: uuid.UUID


async def record_on_case(
    session: AsyncSession,
    actor: Actor | Principal,
    action: str,
    *,
    case: CaseRef,
    entity_type: str,
    entity_id: str | uuid.UUID | None = None,
    reason: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """An event on something that belongs to a case: on the case's timeline and visible in the
    owning unit's subtree."""
    return await record(
        session,
        actor,
        action,
        entity_type=entity_type,
        entity_id=entity_id,
        org_unit_id=case.org_unit_id,
        org_path=await unit_paths()(session, case.org_unit_id),
        case_id=case.id,
        reason=reason,
        before=before,
        after=after,
    )
