"""Sign-in, token rotation, sign-out and password change.

Failures are counted per account and per IP; an unknown username costs the same password-hash
work and gets the same answer as a wrong password, so the endpoint does not reveal accounts.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.audit.service import Actor
from anjie.auth import repository as repo
from anjie.auth.errors import LoginFailed, RefreshRejected, WrongCurrentPassword
from anjie.auth.models import RefreshToken
from anjie.config import Settings
from anjie.core import clock
from anjie.core.errors import TooManyRequests
from anjie.core.ids import uuid7
from anjie.core.security import (
    hash_password_async,
    issue_access_token,
    new_opaque_token,
    token_digest,
    verify_password_async,
)
from anjie.orgs import repository as orgs_repo
from anjie.users import repository as users_repo
from anjie.users.models import User


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


async def _throttle(session: AsyncSession, settings: Settings, username_key: str, ip: str) -> None:
    """Refuse before any password is checked.

    Counted per (account, IP) and per IP, so a stranger's failures throttle the stranger's IP,
    not the owner signing in from elsewhere. The account's total over all IPs is a ceiling: past
    it, an IP that has failed on this account once is refused, so a spread-out attack gets one
    guess per address while the owner from an address of their own still gets in."""
    now = clock.now()
    since = now - timedelta(seconds=settings.login_window_seconds)
    pair = await repo.failures_since(session, username_key=username_key, ip=ip, since=since)
    per_ip = await repo.failures_since(session, username_key=None, ip=ip, since=since)
    checks = [
        (pair, settings.login_max_failures_per_account),
        (per_ip, settings.login_max_failures_per_ip),
    ]
    if pair[0] > 0:
        total = await repo.failures_since(session, username_key=username_key, ip=None, since=since)
        if total[0] >= settings.login_account_ceiling:
            checks.append((pair, 1))
    for (count, oldest), limit in checks:
        if count >= limit and oldest is not None:
            wait = (oldest + timedelta(seconds=settings.login_window_seconds) - now).total_seconds()
            raise TooManyRequests(retry_after=max(1, math.ceil(wait)))


async def _issue(
    session: AsyncSession,
    settings: Settings,
    user: User,
    *,
    family_id: uuid.UUID | None = None,
    family_expires_at: object = None,
) -> IssuedTokens:
    now = clock.now()
    access, lifetime = issue_access_token(
        settings, subject=str(user.id), token_version=user.token_version
    )
    opaque = new_opaque_token()
    expires_at = family_expires_at or now + timedelta(days=settings.refresh_token_days)
    session.add(
        RefreshToken(
            id=uuid7(),
            family_id=family_id or uuid7(),
            user_id=user.id,
            token_hash=token_digest(opaque),
            issued_at=now,
            expires_at=expires_at,
        )
    )
    await session.flush()
    return IssuedTokens(
        access_token=access,
        expires_in=lifetime,
        refresh_token=opaque,
        refresh_expires_in=int((expires_at - now).total_seconds()),  # type: ignore[operator]
    )


async def login(
    session: AsyncSession,
    settings: Settings,
    *,
    username: str,
    password: str,
    ip: str,
    user_agent: str | None,
) -> IssuedTokens:
    username_key = username.strip().lower()[:64]
    await _throttle(session, settings, username_key, ip)
    user = await users_repo.get_by_username(session, username_key) if username_key else None
    ok = await verify_password_async(password, user.password_hash if user else None)
    if user is None or not ok or not user.is_active:
        await repo.add_failure(session, username_key=username_key, ip=ip, at=clock.now())
        path = await orgs_repo.get_path(session, user.org_unit_id) if user else None
        await audit.record(
            session,
            Actor.anonymous(username_key, ip, user_agent),
            "auth.login_failed",
            entity_type="user",
            entity_id=user.id if user else None,
            org_unit_id=user.org_unit_id if user else None,
            org_path=path,
        )
        raise LoginFailed()
    await repo.clear_failures(session, username_key, ip)
    tokens = await _issue(session, settings, user)
    await audit.record(
        session,
        Actor(
            type="user",
            id=user.id,
            name=user.display_name,
            roles=tuple(user.roles),
            ip=ip,
            user_agent=user_agent,
        ),
        "auth.login",
        entity_type="user",
        entity_id=user.id,
        org_unit_id=user.org_unit_id,
        org_path=await orgs_repo.get_path(session, user.org_unit_id),
    )
    return tokens


async def refresh(
    session: AsyncSession, settings: Settings, *, token: str, ip: str, user_agent: str | None
) -> IssuedTokens:
    now = clock.now()
    stored = await repo.get_refresh_for_update(session, token_digest(token))
    if stored is None:
        raise RefreshRejected()
    if stored.used_at is not None or stored.revoked_at is not None:
        # A rotated token came back: someone holds a copy. End the whole family.
        await repo.revoke_family(session, stored.family_id, now)
        row = await users_repo.get_with_org_path(session, stored.user_id)
        await audit.record(
            session,
            Actor.anonymous(None, ip, user_agent),
            "auth.refresh_reuse",
            entity_type="user",
            entity_id=stored.user_id,
            org_unit_id=row[0].org_unit_id if row else None,
            org_path=row[1] if row else None,
        )
        raise RefreshRejected()
    if stored.expires_at <= now:
        raise RefreshRejected()
    row = await users_repo.get_with_org_path(session, stored.user_id)
    if row is None or not row[0].is_active:
        raise RefreshRejected()
    stored.used_at = now
    return await _issue(
        session, settings, row[0], family_id=stored.family_id, family_expires_at=stored.expires_at
    )


async def logout(session: AsyncSession, principal: Principal, token: str | None) -> None:
    now = clock.now()
    stored = await repo.get_refresh_for_update(session, token_digest(token)) if token else None
    if stored is not None and stored.user_id == principal.id:
        await repo.revoke_family(session, stored.family_id, now)
    else:
        await repo.revoke_user(session, principal.id, now)
    # The access token that signed out must stop working now, not when it expires. A version
    # bump rather than a denylist of token ids: the version is already checked on every request
    # (no new table or lookup), and the account's other sessions lose only their short-lived
    # access token, which their own refresh token replaces on the next 401.
    await repo.end_access_tokens(session, principal.id)
    await audit.record(
        session,
        principal,
        "auth.logout",
        entity_type="user",
        entity_id=principal.id,
        org_unit_id=principal.org_unit_id,
        org_path=principal.org_path,
    )


async def revoke_all_refresh_tokens(session: AsyncSession, user_id: uuid.UUID) -> None:
    await repo.revoke_user(session, user_id, clock.now())


async def change_password(
    session: AsyncSession, settings: Settings, principal: Principal, *, current: str, new: str
) -> None:
    """The current password is checked like a sign-in: a stolen access token must not become
    an unthrottled password oracle, so failures share the account's sign-in counters."""
    row = await users_repo.get_with_org_path(session, principal.id)
    if row is None:
        raise WrongCurrentPassword()
    user = row[0]
    ip = principal.ip or "unknown"
    username_key = user.username.strip().lower()[:64]
    await _throttle(session, settings, username_key, ip)
    if not await verify_password_async(current, user.password_hash):
        await repo.add_failure(session, username_key=username_key, ip=ip, at=clock.now())
        await audit.record(
            session,
            principal,
            "auth.password_change_failed",
            entity_type="user",
            entity_id=user.id,
            org_unit_id=user.org_unit_id,
            org_path=principal.org_path,
        )
        raise WrongCurrentPassword()
    user.password_hash = await hash_password_async(new)
    user.token_version += 1
    await revoke_all_refresh_tokens(session, user.id)
    await session.flush()
    await audit.record(
        session,
        principal,
        "auth.password_change",
        entity_type="user",
        entity_id=user.id,
        org_unit_id=user.org_unit_id,
        org_path=principal.org_path,
    )
