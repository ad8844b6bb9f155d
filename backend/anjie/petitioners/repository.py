from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.access.roles import SUBTREE_ROLES
from anjie.orgs.models import OrgUnit
from anjie.petitioners.models import Petitioner
from anjie.petitioners.ports import on_held_case


def in_subtree(principal: Principal) -> ColumnElement[bool]:
    return exists().where(
        OrgUnit.id == Petitioner.org_unit_id,
        OrgUnit.path.startswith(principal.org_path, autoescape=True),
    )


def on_assigned_case(principal: Principal) -> ColumnElement[bool]:
    return on_held_case()(Petitioner.id, principal.id)


def visible(principal: Principal) -> ColumnElement[bool]:
    if principal.has_role(*SUBTREE_ROLES):
        return in_subtree(principal)
    return on_assigned_case(principal)


async def get_visible(
    session: AsyncSession,
    principal: Principal,
    petitioner_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> Petitioner | None:
    query = select(Petitioner).where(Petitioner.id == petitioner_id, visible(principal))
    if for_update:
        query = query.with_for_update()
    return (await session.scalars(query)).one_or_none()


async def is_on_assigned_case(
    session: AsyncSession, principal: Principal, petitioner_id: uuid.UUID
) -> bool:
    query = select(exists().where(Petitioner.id == petitioner_id, on_assigned_case(principal)))
    return bool(await session.scalar(query))


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    after_id: uuid.UUID | None,
    limit: int,
    q: str | None,
    blind_index: bytes | None = None,
) -> Sequence[Petitioner]:
    query = select(Petitioner).where(visible(principal))
    if after_id is not None:
        query = query.where(Petitioner.id > after_id)
    if q:
        query = query.where(Petitioner.name.contains(q, autoescape=True))
    if blind_index is not None:
        query = query.where(Petitioner.id_number_bidx == blind_index)
    return (await session.scalars(query.order_by(Petitioner.id).limit(limit))).all()
