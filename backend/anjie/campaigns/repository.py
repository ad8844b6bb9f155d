from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from anjie.access.principal import Principal
from anjie.campaigns.models import Campaign
from anjie.orgs.models import OrgUnit


def visible(principal: Principal) -> ColumnElement[bool]:
    """Campaigns issued in the caller's subtree or by a unit above the caller."""
    return exists().where(
        OrgUnit.id == Campaign.org_unit_id,
        OrgUnit.path.startswith(principal.org_path, autoescape=True)
        | (func.strpos(literal(principal.org_path), OrgUnit.path) == 1),
    )


async def get_visible(
    session: AsyncSession, principal: Principal, campaign_id: uuid.UUID, *, for_update: bool = False
) -> Campaign | None:
    query = (
        select(Campaign)
        .where(Campaign.id == campaign_id, visible(principal))
        .options(selectinload(Campaign.phases))
    )
    if for_update:
        query = query.with_for_update(of=Campaign)
    return (await session.scalars(query)).one_or_none()


async def list_visible(
    session: AsyncSession, principal: Principal, *, after_id: uuid.UUID | None, limit: int
) -> Sequence[Campaign]:
    query = select(Campaign).where(visible(principal)).options(selectinload(Campaign.phases))
    if after_id is not None:
        query = query.where(Campaign.id > after_id)
    return (await session.scalars(query.order_by(Campaign.id).limit(limit))).all()
