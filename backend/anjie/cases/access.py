"""Loading one case the caller may see: the entry point of every case sub-resource."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.cases.errors import CaseNotFound
from anjie.cases.models import Case
from anjie.cases.policies import visible_cases


async def get_visible_case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> Case:
    """The case, or 404 — also when it exists outside the caller's scope."""
    query = select(Case).where(Case.id == case_id, visible_cases(principal))
    if for_update:
        query = query.with_for_update(of=Case)
    case = (await session.scalars(query)).one_or_none()
    if case is None:
        raise CaseNotFound()
    return case
