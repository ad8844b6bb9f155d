"""Idempotent creates: same key + same body → the stored response; same key + another body →
422; the same key still being processed → 409. Keys are per caller and kept at least 30 days
(phones may sync a check-in captured offline weeks earlier).

Concurrency comes from a transaction-scoped advisory lock on (caller, key) and the stored record
is written in the same transaction as the thing it created: both commit or neither does.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.core import clock
from anjie.core.errors import IdempotentReplay
from anjie.idempotency import repository as repo
from anjie.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused

RETENTION = timedelta(days=30)


def fingerprint(method: str, path: str, raw_body: bytes) -> bytes:
    """Hash of what the request asks for; JSON is canonicalised so key order does not matter."""
    try:
        canonical = json.dumps(
            json.loads(raw_body), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = raw_body
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + canonical).digest()


@dataclass
class IdempotencyGate:
    session: AsyncSession
    principal_id: uuid.UUID
    key: str | None
    method: str
    path: str
    body_hash: bytes
    stored: bool = field(default=False)

    async def check(self) -> None:
        """Raise a replay for a known key; refuse a reused or in-flight one."""
        if self.key is None:
            return
        if not await repo.try_lock(self.session, self.principal_id, self.key):
            raise IdempotencyInFlight()
        record = await repo.get(self.session, self.principal_id, self.key)
        if record is None:
            return
        if (record.method, record.path, record.body_hash) != (
            self.method,
            self.path,
            self.body_hash,
        ):
            raise IdempotencyKeyReused()
        raise IdempotentReplay(record.status, record.response, dict(record.headers))

    async def store(
        self, status: int, body: BaseModel | Any, headers: dict[str, str] | None = None
    ) -> None:
        """Remember the response; call it last, inside the transaction that made the change."""
        if self.key is None or self.stored:
            return
        await repo.add(
            self.session,
            principal_id=self.principal_id,
            key=self.key,
            method=self.method,
            path=self.path,
            body_hash=self.body_hash,
            status=status,
            response=jsonable_encoder(body),
            headers=headers or {},
            at=clock.now(),
        )
        self.stored = True
