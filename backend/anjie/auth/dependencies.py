"""Who is calling, and may they call this route.

Every route declares either `Authorize(permission)` or `public`; a test walks the app's routes
and fails on any route that declares neither.
"""

from __future__ import annotations

import logging
import uuid
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from anjie.auth.errors import TokenRejected
from anjie.auth.permissions import Permission, permissions_for
from anjie.auth.principal import Principal
from anjie.config import Settings
from anjie.core.db import SessionDep
from anjie.core.errors import Forbidden
from anjie.core.security import TokenInvalid, decode_access_token
from anjie.users import repository as users_repo

log = logging.getLogger("anjie.auth")
_bearer = HTTPBearer(auto_error=False, description="Access token from POST /api/v1/auth/token")


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


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
    row = await users_repo.get_with_org_path(session, user_id)
    if row is None:
        raise TokenRejected()
    user, org_path = row
    if not user.is_active or user.token_version != claims.token_version:
        raise TokenRejected()
    principal = Principal(
        kind="user",
        id=user.id,
        name=user.display_name,
        roles=tuple(user.roles),
        org_unit_id=user.org_unit_id,
        org_path=org_path,
        permissions=permissions_for(user.roles),
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent"),
        request_id=getattr(request.state, "request_id", None),
    )
    request.state.principal = principal
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
