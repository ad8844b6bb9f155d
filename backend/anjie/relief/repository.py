"""All SQL of relief. A page of applications costs a fixed number of queries (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from anjie.access.principal import Principal
from anjie.cases.models import Case, CasePetitioner
from anjie.cases.policies import visible_cases
from anjie.core.repository import JoinedRow, with_names
from anjie.petitioners.models import Petitioner
from anjie.relief.models import (
    GRANTED,
    ReliefApplication,
    ReliefStepEntry,
    ReliefWageStandard,
    Step,
)
from anjie.users.models import User


@dataclass(frozen=True)
class ReliefFilters:
    case_id: uuid.UUID | None = None
    steps: tuple[Step, ...] = ()
    overdue: bool | None = None
    applicant_petitioner_id: uuid.UUID | None = None
    updated_after: datetime | None = None


def _visible() -> Any:
    return select(ReliefApplication).join(Case, Case.id == ReliefApplication.case_id)


async def get_visible(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> ReliefApplication | None:
    """Visible exactly when its case is (cases/policies.py)."""
    query = _visible().where(ReliefApplication.id == application_id, visible_cases(principal))
    return (await session.scalars(query)).one_or_none()


async def lock(session: AsyncSession, application_id: uuid.UUID) -> ReliefApplication:
    query = (
        select(ReliefApplication)
        .where(ReliefApplication.id == application_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(query)).one()


async def is_case_petitioner(
    session: AsyncSession, case_id: uuid.UUID, petitioner_id: uuid.UUID
) -> bool:
    query = select(
        exists().where(
            CasePetitioner.case_id == case_id, CasePetitioner.petitioner_id == petitioner_id
        )
    )
    return bool(await session.scalar(query))


async def granted_exists(
    session: AsyncSession, case_id: uuid.UUID, petitioner_id: uuid.UUID, exclude: uuid.UUID
) -> bool:
    query = select(
        exists().where(
            ReliefApplication.case_id == case_id,
            ReliefApplication.applicant_petitioner_id == petitioner_id,
            ReliefApplication.id != exclude,
            ReliefApplication.step.in_([s.value for s in GRANTED]),
        )
    )
    return bool(await session.scalar(query))


async def granted_elsewhere(session: AsyncSession, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Of these applications, those whose applicant has another one granted in the same case."""
    if not ids:
        return set()
    mine, other = aliased(ReliefApplication), aliased(ReliefApplication)
    granted = exists().where(
        other.case_id == mine.case_id,
        other.applicant_petitioner_id == mine.applicant_petitioner_id,
        other.id != mine.id,
        other.step.in_([s.value for s in GRANTED]),
    )
    return set(await session.scalars(select(mine.id).where(mine.id.in_(ids), granted)))


async def list_page(
    session: AsyncSession,
    principal: Principal,
    filters: ReliefFilters,
    *,
    now: datetime,
    after_id: uuid.UUID | None,
    limit: int,
) -> Sequence[ReliefApplication]:
    """Newest first by id (uuid7: creation order), `limit + 1` rows to tell if more follow."""
    query = _visible().where(visible_cases(principal))
    if filters.case_id is not None:
        query = query.where(ReliefApplication.case_id == filters.case_id)
    if filters.steps:
        query = query.where(ReliefApplication.step.in_([s.value for s in filters.steps]))
    if filters.applicant_petitioner_id is not None:
        query = query.where(
            ReliefApplication.applicant_petitioner_id == filters.applicant_petitioner_id
        )
    if filters.overdue is True:
        query = query.where(ReliefApplication.due_at < now)
    elif filters.overdue is False:
        query = query.where(
            or_(ReliefApplication.due_at.is_(None), ReliefApplication.due_at >= now)
        )
    if filters.updated_after is not None:
        query = query.where(ReliefApplication.updated_at > filters.updated_after)
    if after_id is not None:
        query = query.where(ReliefApplication.id < after_id)
    query = query.order_by(ReliefApplication.id.desc()).limit(limit + 1)
    return (await session.scalars(query)).all()


async def history(session: AsyncSession, ids: Sequence[uuid.UUID]) -> Sequence[JoinedRow]:
    query = (
        with_names(select(ReliefStepEntry), ReliefStepEntry.actor_id, actor_name=User.display_name)
        .where(ReliefStepEntry.application_id.in_(ids))
        .order_by(ReliefStepEntry.application_id, ReliefStepEntry.at, ReliefStepEntry.id)
    )
    return (await session.execute(query)).all()


async def duplicates(session: AsyncSession, ids: Sequence[uuid.UUID]) -> Sequence[JoinedRow]:
    """(for_id, other id, other case, other step): the same person on another case.

    The same person is the same petitioner row or, across rows, the same ID number (compared by
    its blind index: the number itself is never decrypted here).
    """
    mine, other = aliased(ReliefApplication), aliased(ReliefApplication)
    me, them = aliased(Petitioner), aliased(Petitioner)
    same_person = or_(
        other.applicant_petitioner_id == mine.applicant_petitioner_id,
        and_(me.id_number_bidx.is_not(None), them.id_number_bidx == me.id_number_bidx),
    )
    query = (
        select(mine.id, other.id, other.case_id, other.step)
        .join(me, me.id == mine.applicant_petitioner_id)
        .join(other, other.case_id != mine.case_id)
        .join(them, them.id == other.applicant_petitioner_id)
        .where(mine.id.in_(ids), same_person)
        .order_by(mine.id, other.id)
    )
    return (await session.execute(query)).all()


async def get_standard(
    session: AsyncSession, province_code: str, year: int
) -> ReliefWageStandard | None:
    return await session.get(ReliefWageStandard, (province_code, year))


async def put_standard(session: AsyncSession, values: dict[str, Any]) -> ReliefWageStandard:
    """Insert or replace one province-year; the row lock of the upsert serialises writers."""
    statement = insert(ReliefWageStandard).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["province_code", "year"],
        set_={k: statement.excluded[k] for k in values if k not in ("province_code", "year")},
    )
    await session.execute(statement)
    query = (
        select(ReliefWageStandard)
        .where(
            ReliefWageStandard.province_code == values["province_code"],
            ReliefWageStandard.year == values["year"],
        )
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(query)).one()
