"""Who is calling, and may they call this route.

Every route declares either `Authorize(permission)` or `public`; a test walks the app's routes
and fails on any route that declares neither.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.errors import TokenRejected
from anjie.access.permissions import Permission, permissions_for
from anjie.access.principal import Principal
from anjie.core.db import SessionDep
from anjie.core.dependencies import SettingsDep, client_ip
from anjie.core.errors import Forbidden
from anjie.core.masking import MASK_FREE_TEXT
from anjie.core.ports import Port
from anjie.core.security import TokenInvalid, decode_access_token

log = logging.getLogger("anjie.auth")
_bearer = HTTPBearer(auto_error=False, description="Access token from POST /api/v1/auth/token")


@dataclass(frozen=True)
class Account:
    """What a token's subject is, as the users domain stores it."""

    id: uuid.UUID
    name: str
    roles: tuple[str, ...]
    org_unit_id: uuid.UUID
    org_path: str
    is_active: bool
    token_version: int


# Accounts live in the users domain, which sits above this layer (it guards its own routes).
accounts: Port[Callable[[AsyncSession, uuid.UUID], Awaitable[Account | None]]] = Port("accounts")


async def current_principal(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise TokenRejected()
    try:
        claims = decode_access_token(settings, credentials.credentials)
        user_id = uuid.UUID(claims.subject)
    except (TokenInvalid, ValueError) as exc:
        log.info("access token rejected", extra={"reason": str(exc)[:100]})
        raise TokenRejected() from exc
    account = await accounts()(session, user_id)
    if account is None or not account.is_active or account.token_version != claims.token_version:
        raise TokenRejected()
    principal = Principal(
        kind="user",
        id=account.id,
        name=account.name,
        roles=account.roles,
        org_unit_id=account.org_unit_id,
        org_path=account.org_path,
        permissions=permissions_for(account.roles),
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent"),
        request_id=getattr(request.state, "request_id", None),
    )
    request.state.principal = principal
    # Without the right to reveal, numbers typed into free text are masked on the way out too.
    setattr(request.state, MASK_FREE_TEXT, not principal.can(Permission.pii_reveal))
    return principal


class Authorize:
    """Route guard: the caller holds `permission` (through any of their roles)."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    async def __call__(
        self, principal: Annotated[Principal, Depends(current_principal)]
    ) -> Principal:
        if not principal.can(self.permission):
            raise Forbidden()
        return principal


def public() -> None:
    """Marks a route as deliberately open (token endpoint, health checks)."""


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
Public = Depends(public)
