"""Accounts: create, update, disable, roles, password reset — all within the caller's subtree."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core.concurrency import check_version
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import decode_id_cursor
from anjie.core.security import hash_password_async
from anjie.orgs import repository as orgs_repo
from anjie.orgs.errors import OrgUnitNotFound
from anjie.users import repository as repo
from anjie.users.errors import CannotChangeSelf, UsernameTaken, UserNotFound
from anjie.users.events import UserSessionsEnded
from anjie.users.models import User
from anjie.users.schemas import (
    PasswordReset,
    RolesUpdate,
    UserCreate,
    UserListQuery,
    UserOut,
    UserUpdate,
)


def to_out(user: User) -> UserOut:
    return UserOut.model_validate(user)


def _snapshot(user: User) -> dict[str, object]:
    return {
        "org_unit_id": user.org_unit_id,
        "username": user.username,
        "display_name": user.display_name,
        "post": user.post,
        "roles": list(user.roles),
        "is_active": user.is_active,
    }


async def get(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    row = await repo.get_in_scope(session, user_id, principal.org_path)
    if row is None:
        raise UserNotFound()
    return row[0]


async def list_users(
    session: AsyncSession, principal: Principal, query: UserListQuery
) -> Sequence[User]:
    after = decode_id_cursor(query.cursor)
    return await repo.list_in_scope(
        session,
        principal.org_path,
        after_id=after,
        limit=query.limit + 1,
        org_unit_id=query.org_unit_id,
        role=query.role.value if query.role else None,
        q=query.q,
        is_active=query.is_active,
    )


async def create(session: AsyncSession, principal: Principal, data: UserCreate) -> User:
    # Shared lock: a concurrent delete of the unit waits for this account (then finds it).
    unit = await orgs_repo.get_in_scope(
        session, data.org_unit_id, principal.org_path, for_share=True
    )
    if unit is None:
        raise OrgUnitNotFound()
    if await repo.username_taken(session, data.username):
        raise UsernameTaken()
    user = User(
        id=uuid7(),
        org_unit_id=unit.id,
        username=data.username,
        display_name=data.display_name,
        post=data.post,
        roles=[r.value for r in data.roles],
        password_hash=await hash_password_async(data.password),
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:
        # A concurrent request took the name after the check above; the unique index decided.
        if "uq_app_user_username" in str(exc.orig):
            raise UsernameTaken() from exc
        raise
    await session.refresh(user)
    await audit.record(
        session,
        principal,
        "user.create",
        entity_type="user",
        entity_id=user.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        after=_snapshot(user),
    )
    return user


async def _locked(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, expected: int | None
) -> tuple[User, str]:
    row = await repo.get_in_scope(session, user_id, principal.org_path, for_update=True)
    if row is None:
        raise UserNotFound()
    if expected is not None:
        check_version(expected, row[0].version)
    return row


async def _revoke_sessions(session: AsyncSession, user: User) -> None:
    """Every access token carries token_version; bumping it ends them all at once.

    Call it after the other changes to `user`: revoking the refresh tokens autoflushes the
    user, and a change made after that would be a second UPDATE (and a second version bump).
    """
    user.token_version += 1
    await publish(session, UserSessionsEnded(user_id=user.id))


async def update(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, data: UserUpdate, expected: int
) -> User:
    user, path = await _locked(session, principal, user_id, expected)
    before = _snapshot(user)
    changes = data.changes()
    if user.id == principal.id and changes.get("is_active") is False:
        raise CannotChangeSelf()
    if changes.get("org_unit_id") is not None:
        unit = await orgs_repo.get_in_scope(
            session, changes["org_unit_id"], principal.org_path, for_share=True
        )
        if unit is None:
            raise OrgUnitNotFound()
        path = unit.path
    for field, value in changes.items():
        setattr(user, field, value)
    if before["is_active"] and not user.is_active:
        await _revoke_sessions(session, user)
    await session.flush()
    action = "user.disable" if before["is_active"] and not user.is_active else "user.update"
    await audit.record(
        session,
        principal,
        action,
        entity_type="user",
        entity_id=user.id,
        org_unit_id=user.org_unit_id,
        org_path=path,
        before=before,
        after=_snapshot(user),
    )
    return user


async def set_roles(
    session: AsyncSession,
    principal: Principal,
    user_id: uuid.UUID,
    data: RolesUpdate,
    expected: int,
) -> User:
    user, path = await _locked(session, principal, user_id, expected)
    if user.id == principal.id:
        raise CannotChangeSelf()
    before = _snapshot(user)
    user.roles = [r.value for r in data.roles]
    await _revoke_sessions(session, user)
    await session.flush()
    await audit.record(
        session,
        principal,
        "user.set_roles",
        entity_type="user",
        entity_id=user.id,
        org_unit_id=user.org_unit_id,
        org_path=path,
        before=before,
        after=_snapshot(user),
    )
    return user


async def reset_password(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, data: PasswordReset
) -> User:
    user, path = await _locked(session, principal, user_id, None)
    user.password_hash = await hash_password_async(data.new_password)
    await _revoke_sessions(session, user)
    await session.flush()
    await audit.record(
        session,
        principal,
        "user.reset_password",
        entity_type="user",
        entity_id=user.id,
        org_unit_id=user.org_unit_id,
        org_path=path,
    )
    return user
