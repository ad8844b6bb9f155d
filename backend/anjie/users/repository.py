from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.orgs.models import OrgUnit
from anjie.users.models import User


async def get_with_org_path(session: AsyncSession, user_id: uuid.UUID) -> tuple[User, str] | None:
    row = (
        await session.execute(
            select(User, OrgUnit.path)
            .join(OrgUnit, OrgUnit.id == User.org_unit_id)
            .where(User.id == user_id)
        )
    ).one_or_none()
    return (row[0], row[1]) if row else None


async def display_names(
    session: AsyncSession, user_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The names of these users (any that exist), for answers that name who did what."""
    ids = set(user_ids)
    if not ids:
        return {}
    rows = await session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


async def get_by_username(session: AsyncSession, username: str) -> User | None:
    query = select(User).where(func.lower(User.username) == username.lower())
    return (await session.scalars(query)).one_or_none()


async def username_taken(session: AsyncSession, username: str) -> bool:
    query = select(exists().where(func.lower(User.username) == username.lower()))
    return bool(await session.scalar(query))


async def get_in_scope(
    session: AsyncSession, user_id: uuid.UUID, scope_path: str, *, for_update: bool = False
) -> tuple[User, str] | None:
    query = (
        select(User, OrgUnit.path)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .where(User.id == user_id, OrgUnit.path.startswith(scope_path, autoescape=True))
    )
    if for_update:
        query = query.with_for_update(of=User)
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row else None


async def list_in_scope(
    session: AsyncSession,
    scope_path: str,
    *,
    after_id: uuid.UUID | None,
    limit: int,
    org_unit_id: uuid.UUID | None = None,
    role: str | None = None,
    q: str | None = None,
    is_active: bool | None = None,
) -> Sequence[User]:
    query = (
        select(User)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .where(OrgUnit.path.startswith(scope_path, autoescape=True))
    )
    if after_id is not None:
        query = query.where(User.id > after_id)
    if org_unit_id is not None:
        query = query.where(User.org_unit_id == org_unit_id)
    if role is not None:
        query = query.where(User.roles.contains([role]))
    if is_active is not None:
        query = query.where(User.is_active == is_active)
    if q:
        query = query.where(
            User.display_name.contains(q, autoescape=True)
            | User.username.contains(q, autoescape=True)
        )
    return (await session.scalars(query.order_by(User.id).limit(limit))).all()


async def unit_has_members(session: AsyncSession, unit_id: uuid.UUID) -> bool:
    return bool(await session.scalar(select(exists().where(User.org_unit_id == unit_id))))
