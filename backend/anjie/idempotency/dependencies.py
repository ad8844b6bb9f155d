from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from anjie.access.dependencies import CurrentPrincipal
from anjie.core.db import SessionDep
from anjie.idempotency.errors import IdempotencyKeyRequired
from anjie.idempotency.service import IdempotencyGate, fingerprint

KeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Client-generated unique key (a UUID) making this create safe to retry",
    ),
]


async def _gate(
    request: Request, session: SessionDep, principal: CurrentPrincipal, key: str | None
) -> IdempotencyGate:
    gate = IdempotencyGate(
        session=session,
        principal_id=principal.id,
        key=key,
        method=request.method,
        path=request.url.path,
        body_hash=fingerprint(request.method, request.url.path, await request.body()),
    )
    await gate.check()
    return gate


async def optional_idempotency(
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    idempotency_key: KeyHeader = None,
) -> IdempotencyGate:
    return await _gate(request, session, principal, idempotency_key)


async def required_idempotency(
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    idempotency_key: KeyHeader = None,
) -> IdempotencyGate:
    if idempotency_key is None:
        raise IdempotencyKeyRequired()
    return await _gate(request, session, principal, idempotency_key)


Idempotency = Annotated[IdempotencyGate, Depends(optional_idempotency)]
RequiredIdempotency = Annotated[IdempotencyGate, Depends(required_idempotency)]
