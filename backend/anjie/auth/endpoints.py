from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Cookie, Depends, Form, Request, Response, status

from anjie.access.dependencies import Authorize, Public
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.auth import service
from anjie.auth.errors import RefreshRejected, UnsupportedGrant
from anjie.auth.schemas import LogoutRequest, Me, OrgUnitBrief, PasswordChange, TokenResponse
from anjie.config import Settings
from anjie.core.db import SessionDep
from anjie.core.dependencies import SettingsDep, client_ip
from anjie.core.schemas import NoNul
from anjie.orgs import repository as orgs_repo
from anjie.users import repository as users_repo

router = APIRouter(prefix="/auth", tags=["auth"])

REFRESH_COOKIE = "anjie_refresh"
COOKIE_PATH = "/api/v1/auth"

SelfReader = Annotated[Principal, Depends(Authorize(Permission.self_read))]
SelfWriter = Annotated[Principal, Depends(Authorize(Permission.self_write))]
FormText = Annotated[str | None, Form(max_length=4096), NoNul]


def _deliver(
    response: Response, settings: Settings, tokens: service.IssuedTokens, via_cookie: bool
) -> TokenResponse:
    response.headers["Cache-Control"] = "no-store"
    if via_cookie:
        # The SPA never sees the refresh token: httpOnly, same-site only, auth paths only.
        response.set_cookie(
            REFRESH_COOKIE,
            tokens.refresh_token,
            max_age=tokens.refresh_expires_in,
            path=COOKIE_PATH,
            httponly=True,
            secure=settings.refresh_cookie_secure,
            samesite="strict",
        )
        return TokenResponse(access_token=tokens.access_token, expires_in=tokens.expires_in)
    return TokenResponse(
        access_token=tokens.access_token,
        expires_in=tokens.expires_in,
        refresh_token=tokens.refresh_token,
        refresh_expires_in=tokens.refresh_expires_in,
    )


@router.post("/token", operation_id="issueToken", dependencies=[Public])
async def issue_token(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    # The grants there are, said in the contract; any other stays OAuth's 400
    # `unsupported_grant_type` (RFC 6749 §5.2), not a 422.
    grant_type: Annotated[
        str, Form(max_length=64, json_schema_extra={"enum": ["password", "refresh_token"]})
    ],
    username: FormText = None,
    password: FormText = None,
    refresh_token: FormText = None,
    token_delivery: Annotated[Literal["body", "cookie"], Form()] = "body",
    cookie_token: Annotated[str | None, Cookie(alias=REFRESH_COOKIE, max_length=4096)] = None,
) -> TokenResponse:
    """OAuth2 token endpoint: `password` and `refresh_token` grants.

    `token_delivery=cookie` (the SPA) puts the refresh token in an httpOnly cookie instead of
    the body; a refresh grant then reads it from that cookie.
    """
    ip = client_ip(request) or "unknown"
    agent = request.headers.get("user-agent")
    if grant_type == "password":
        tokens = await service.login(
            session,
            settings,
            username=username or "",
            password=password or "",
            ip=ip,
            user_agent=agent,
        )
    elif grant_type == "refresh_token":
        presented = refresh_token or cookie_token
        if not presented:
            raise RefreshRejected()
        tokens = await service.refresh(session, settings, token=presented, ip=ip, user_agent=agent)
        token_delivery = "cookie" if refresh_token is None else token_delivery
    else:
        raise UnsupportedGrant()
    return _deliver(response, settings, tokens, token_delivery == "cookie")


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, operation_id="logout")
async def logout(
    response: Response,
    session: SessionDep,
    principal: SelfWriter,
    body: LogoutRequest | None = None,
    cookie_token: Annotated[str | None, Cookie(alias=REFRESH_COOKIE, max_length=4096)] = None,
) -> None:
    """End this session: its refresh-token family is revoked and the cookie cleared."""
    await service.logout(session, principal, (body.refresh_token if body else None) or cookie_token)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH)


@router.get("/me", operation_id="getMe")
async def me(
    session: SessionDep,
    principal: SelfReader,
) -> Me:
    row = await users_repo.get_with_org_path(session, principal.id)
    unit = await orgs_repo.get_in_scope(session, principal.org_unit_id, principal.org_path)
    assert row is not None and unit is not None
    user = row[0]
    return Me(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        post=user.post,
        roles=[Role(r) for r in user.roles],
        permissions=sorted(p.value for p in principal.permissions),
        org_unit=OrgUnitBrief(id=unit.id, name=unit.name, kind=unit.kind),
    )


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, operation_id="changePassword")
async def change_password(
    body: PasswordChange,
    session: SessionDep,
    settings: SettingsDep,
    principal: SelfWriter,
) -> None:
    """Change one's own password; every session of the account ends, so sign in again.

    Wrong current passwords are throttled like sign-ins (429 with Retry-After)."""
    await service.change_password(
        session, settings, principal, current=body.current_password, new=body.new_password
    )
