from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.auth.models import LoginAttempt, RefreshToken
from anjie.users.models import User


async def failures_since(
    session: AsyncSession, *, username_key: str | None, ip: str | None, since: datetime
) -> tuple[int, datetime | None]:
    """How many failures in the window, and when the oldest of them happened.

    A failure exactly `window` old has left it: a client that waited the Retry-After it was
    given must not be refused again.
    """
    query = select(func.count(), func.min(LoginAttempt.at)).where(LoginAttempt.at > since)
    if username_key is not None:
        query = query.where(LoginAttempt.username_key == username_key)
    if ip is not None:
        query = query.where(LoginAttempt.ip == ip)
    count, oldest = (await session.execute(query)).one()
    return int(count), oldest


async def add_failure(session: AsyncSession, *, username_key: str, ip: str, at: datetime) -> None:
    session.add(LoginAttempt(username_key=username_key, ip=ip, at=at))
    await session.flush()


async def clear_failures(session: AsyncSession, username_key: str, ip: str) -> None:
    """Forget one account's failures from one IP: a sign-in there must not wipe what other
    IPs (perhaps an attacker's) have spent."""
    await session.execute(
        delete(LoginAttempt).where(LoginAttempt.username_key == username_key, LoginAttempt.ip == ip)
    )


async def get_refresh_for_update(session: AsyncSession, token_hash: bytes) -> RefreshToken | None:
    query = select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
    return (await session.scalars(query)).one_or_none()


async def revoke_family(session: AsyncSession, family_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=at)
    )


async def revoke_user(session: AsyncSession, user_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=at)
    )


async def end_access_tokens(session: AsyncSession, user_id: uuid.UUID) -> None:
    """Bump the account's token version: every access token issued before is refused.

    A plain UPDATE, not the ORM: signing out is not an edit of the account, so its row version
    (the ETag an administrator edits against) stays as it is."""
    await session.execute(
        update(User)
        .where(User.id == user_id)
        .values(token_version=User.token_version + 1)
        .execution_options(synchronize_session=False)
    )
