from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from anjie.checkins.errors import IdempotencyKeyNotUuid
from anjie.idempotency.errors import IdempotencyKeyRequired


async def visit_key(request: Request) -> uuid.UUID:
    """The visit's UUID from the `Idempotency-Key` header, which a check-in must carry.

    Read from the raw headers (the idempotency dependency declares the header for the OpenAPI
    document) and checked before that dependency looks the key up, so a key that is not a UUID
    is refused as such and never stored.
    """
    raw = request.headers.get("idempotency-key")
    if raw is None:
        raise IdempotencyKeyRequired()
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise IdempotencyKeyNotUuid() from None


VisitKey = Annotated[uuid.UUID, Depends(visit_key)]
