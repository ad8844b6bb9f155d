from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.idempotency.models import IdempotencyRecord


async def try_lock(session: AsyncSession, principal_id: uuid.UUID, key: str) -> bool:
    """A transaction-scoped lock on (caller, key): a second request with it is in flight."""
    lock_key = func.hashtextextended(f"{principal_id}:{key}", 0)
    return bool(await session.scalar(select(func.pg_try_advisory_xact_lock(lock_key))))


async def get(session: AsyncSession, principal_id: uuid.UUID, key: str) -> IdempotencyRecord | None:
    return await session.get(IdempotencyRecord, (principal_id, key))


async def add(
    session: AsyncSession,
    *,
    principal_id: uuid.UUID,
    key: str,
    method: str,
    path: str,
    body_hash: bytes,
    status: int,
    response: Any,
    headers: dict[str, str],
    at: datetime,
) -> None:
    session.add(
        IdempotencyRecord(
            principal_id=principal_id,
            key=key,
            method=method,
            path=path,
            body_hash=body_hash,
            status=status,
            response=response,
            headers=headers,
            created_at=at,
        )
    )
    await session.flush()


async def purge_before(session: AsyncSession, cutoff: datetime) -> int:
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
