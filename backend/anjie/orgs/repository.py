from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.orgs.models import OrgUnit

# Any constant works; it only has to be the same for every writer of the tree.
_TREE_LOCK = 0x6F7267747265  # "orgtre"


def in_subtree(path: str) -> ColumnElement[bool]:
    return OrgUnit.path.startswith(path, autoescape=True)


async def lock_tree(session: AsyncSession) -> None:
    """Serialise changes to the tree's shape (create, move, delete) until commit.

    Each of them reads paths that another could be rewriting: a row lock cannot cover a child
    being inserted under a subtree that is moving, nor two moves that would close a cycle.
    """
    await session.execute(select(func.pg_advisory_xact_lock(_TREE_LOCK)))


async def get_in_scope(
    session: AsyncSession,
    unit_id: uuid.UUID,
    scope_path: str,
    *,
    for_update: bool = False,
    for_share: bool = False,
) -> OrgUnit | None:
    """The unit if it lies in the subtree; `for_share` keeps it from being deleted until commit."""
    query = select(OrgUnit).where(OrgUnit.id == unit_id, in_subtree(scope_path))
    if for_update:
        query = query.with_for_update()
    elif for_share:
        query = query.with_for_update(read=True)
    return (await session.scalars(query)).one_or_none()


async def get_path(session: AsyncSession, unit_id: uuid.UUID) -> str | None:
    return await session.scalar(select(OrgUnit.path).where(OrgUnit.id == unit_id))


async def code_taken(session: AsyncSession, code: str, exclude: uuid.UUID | None = None) -> bool:
    query = select(exists().where(func.lower(OrgUnit.code) == code.lower()))
    if exclude is not None:
        query = select(
            exists().where(func.lower(OrgUnit.code) == code.lower(), OrgUnit.id != exclude)
        )
    return bool(await session.scalar(query))


async def list_in_scope(
    session: AsyncSession,
    scope_path: str,
    *,
    after_path: str | None,
    limit: int,
    parent_id: uuid.UUID | None = None,
    kind: str | None = None,
    q: str | None = None,
    is_active: bool | None = None,
) -> Sequence[OrgUnit]:
    """Depth-first order (by path), keyset on path."""
    query = select(OrgUnit).where(in_subtree(scope_path))
    if after_path is not None:
        query = query.where(OrgUnit.path > after_path)
    if parent_id is not None:
        query = query.where(OrgUnit.parent_id == parent_id)
    if kind is not None:
        query = query.where(OrgUnit.kind == kind)
    if is_active is not None:
        query = query.where(OrgUnit.is_active == is_active)
    if q:
        query = query.where(OrgUnit.name.contains(q, autoescape=True))
    return (await session.scalars(query.order_by(OrgUnit.path).limit(limit))).all()


async def move_subtree(session: AsyncSession, old_prefix: str, new_prefix: str) -> None:
    """Rewrite the materialised path of a unit and all its descendants in one statement."""
    await session.execute(
        update(OrgUnit)
        .where(OrgUnit.path.startswith(old_prefix, autoescape=True))
        .values(path=literal(new_prefix) + func.substr(OrgUnit.path, len(old_prefix) + 1))
        .execution_options(synchronize_session=False)
    )


async def has_children(session: AsyncSession, unit_id: uuid.UUID) -> bool:
    return bool(await session.scalar(select(exists().where(OrgUnit.parent_id == unit_id))))
