"""All SQL of accountability records. Reads are scoped like the cases they are on."""

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
from anjie.accountability.models import AccountabilityRecord
from anjie.assignments.models import Assignment
from anjie.cases.enums import RoleInCase
from anjie.cases.models import Case
from anjie.cases.policies import visible_cases
from anjie.orgs.models import OrgUnit
from anjie.supervision.models import Deadline
from anjie.users.models import User

# The roles that answer for a case (docs/domain.md, 包案); team members do not.
ANSWERING_ROLES = (
    RoleInCase.responsible_leader.value,
    RoleInCase.responsible_department.value,
    RoleInCase.responsible_person.value,
    RoleInCase.main_responsible.value,
    RoleInCase.first_responsible.value,
)


async def visible_case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> Case | None:
    query = select(Case).where(Case.id == case_id, visible_cases(principal))
    return (await session.scalars(query)).one_or_none()


async def case_of(session: AsyncSession, case_id: uuid.UUID) -> Case:
    return (await session.scalars(select(Case).where(Case.id == case_id))).one()


async def deadlines_on_case(
    session: AsyncSession, case_id: uuid.UUID, deadline_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """The listed deadlines that are on the case, with their due time."""
    query = select(Deadline.id, Deadline.due_at).where(
        Deadline.case_id == case_id, Deadline.id.in_(deadline_ids)
    )
    return {row.id: row.due_at for row in (await session.execute(query)).all()}


async def holders_at(
    session: AsyncSession, case_id: uuid.UUID, at: datetime
) -> list[dict[str, Any]]:
    """Every holder of an answering role whose assignment covered `at`, with the name the
    person (or department) has now — the record keeps it as it was when it was opened."""
    unit = aliased(OrgUnit)
    query = (
        select(
            Assignment.role_in_case,
            Assignment.user_id,
            Assignment.org_unit_id,
            Assignment.started_at,
            Assignment.ended_at,
            User.display_name,
            unit.name.label("unit_name"),
        )
        .outerjoin(User, User.id == Assignment.user_id)
        .outerjoin(unit, unit.id == Assignment.org_unit_id)
        .where(
            Assignment.case_id == case_id,
            Assignment.role_in_case.in_(ANSWERING_ROLES),
            Assignment.started_at <= at,
            or_(Assignment.ended_at.is_(None), Assignment.ended_at > at),
        )
        .order_by(Assignment.started_at, Assignment.id)
    )
    return [
        {
            "role_in_case": row.role_in_case,
            "user_id": str(row.user_id) if row.user_id else None,
            "org_unit_id": str(row.org_unit_id) if row.org_unit_id else None,
            "name": row.display_name if row.user_id else row.unit_name,
            "started_at": row.started_at.isoformat(),
            "ended_at": row.ended_at.isoformat() if row.ended_at else None,
        }
        for row in (await session.execute(query)).all()
    ]


async def insert_once(session: AsyncSession, values: dict[str, Any]) -> uuid.UUID | None:
    """The new record's id, or None when one with this source key exists already."""
    statement = (
        insert(AccountabilityRecord)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[AccountabilityRecord.source_key])
        .returning(AccountabilityRecord.id)
    )
    return (await session.execute(statement)).scalar_one_or_none()


def _visible(principal: Principal) -> Any:
    return exists().where(Case.id == AccountabilityRecord.case_id, visible_cases(principal))


@dataclass(frozen=True)
class RecordFilters:
    case_id: uuid.UUID | None = None
    status: str | None = None


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    filters: RecordFilters,
    *,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[AccountabilityRecord]:
    where = [_visible(principal)]
    if filters.case_id is not None:
        where.append(AccountabilityRecord.case_id == filters.case_id)
    if filters.status is not None:
        where.append(AccountabilityRecord.status == filters.status)
    if before is not None:
        where.append(AccountabilityRecord.id < before)
    query = (
        select(AccountabilityRecord)
        .where(and_(*where))
        .order_by(AccountabilityRecord.id.desc())
        .limit(limit)
    )
    return (await session.scalars(query)).all()


async def get_visible(
    session: AsyncSession, principal: Principal, record_id: uuid.UUID, *, for_update: bool = False
) -> AccountabilityRecord | None:
    query = select(AccountabilityRecord).where(
        AccountabilityRecord.id == record_id, _visible(principal)
    )
    if for_update:
        query = query.with_for_update(of=AccountabilityRecord)
    return (await session.scalars(query)).one_or_none()


async def get(session: AsyncSession, record_id: uuid.UUID) -> AccountabilityRecord:
    query = select(AccountabilityRecord).where(AccountabilityRecord.id == record_id)
    return (await session.scalars(query)).one()
