"""All SQL of deadlines and their rules. Reads are scoped like the cases they belong to."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, tuple_
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.selectable import ScalarSelect

from anjie.access.principal import Principal
from anjie.access.roles import SUBTREE_ROLES
from anjie.assignments.models import Assignment
from anjie.campaigns.models import Campaign
from anjie.cases.enums import RoleInCase
from anjie.cases.models import Case, CaseProcedure, CaseReceivingOrgan
from anjie.cases.policies import visible_cases
from anjie.orgs.models import OrgUnit
from anjie.supervision.models import RUNNING, Deadline, DeadlineRule, DeadlineStep


def visible(principal: Principal) -> ColumnElement[bool]:
    """A case's deadline is seen with the case; a campaign's by the campaign unit's subtree
    (officers see only their cases' clocks)."""
    on_case = and_(
        Deadline.case_id.is_not(None),
        exists().where(Case.id == Deadline.case_id, visible_cases(principal)),
    )
    if not principal.has_role(*SUBTREE_ROLES):
        return on_case
    in_subtree = exists().where(
        OrgUnit.id == Deadline.org_unit_id,
        OrgUnit.path.startswith(principal.org_path, autoescape=True),
    )
    return or_(on_case, and_(Deadline.case_id.is_(None), in_subtree))


@dataclass(frozen=True)
class DeadlineFilters:
    case_id: uuid.UUID | None = None
    kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    responsible_user_id: uuid.UUID | None = None
    responsible_unit_id: uuid.UUID | None = None
    due_before: datetime | None = None
    due_after: datetime | None = None
    overdue_at: datetime | None = None
    updated_after: datetime | None = None


def filter_conditions(f: DeadlineFilters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.case_id is not None:
        where.append(Deadline.case_id == f.case_id)
    if f.kind:
        where.append(Deadline.kind.in_(f.kind))
    if f.status:
        where.append(Deadline.status.in_(f.status))
    if f.responsible_user_id is not None:
        where.append(Deadline.responsible_user_id == f.responsible_user_id)
    if f.responsible_unit_id is not None:
        where.append(Deadline.responsible_unit_id == f.responsible_unit_id)
    if f.due_before is not None:
        where.append(Deadline.due_at < f.due_before)
    if f.due_after is not None:
        where.append(Deadline.due_at >= f.due_after)
    if f.overdue_at is not None:
        # Past due and still running, whether or not the worker has marked it yet.
        where.append(and_(Deadline.status.in_(RUNNING), Deadline.due_at < f.overdue_at))
    if f.updated_after is not None:
        where.append(Deadline.updated_at > f.updated_after)
    return where


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    filters: DeadlineFilters,
    *,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Deadline]:
    query = select(Deadline).where(visible(principal), *filter_conditions(filters))
    if after is not None:
        query = query.where(tuple_(Deadline.due_at, Deadline.id) > tuple_(*after))
    query = query.order_by(Deadline.due_at, Deadline.id).limit(limit)
    return (await session.scalars(query)).all()


async def get_visible(
    session: AsyncSession, principal: Principal, deadline_id: uuid.UUID, *, for_update: bool = False
) -> Deadline | None:
    query = select(Deadline).where(Deadline.id == deadline_id, visible(principal))
    if for_update:
        query = query.with_for_update(of=Deadline)
    return (await session.scalars(query)).one_or_none()


async def running(
    session: AsyncSession, kind: str, subject_type: str, subject_id: uuid.UUID
) -> Deadline | None:
    query = (
        select(Deadline)
        .where(
            Deadline.kind == kind,
            Deadline.subject_type == subject_type,
            Deadline.subject_id == subject_id,
            Deadline.status.in_(RUNNING),
        )
        .with_for_update()
    )
    return (await session.scalars(query)).one_or_none()


async def running_on_case(session: AsyncSession, case_id: uuid.UUID) -> Sequence[Deadline]:
    query = (
        select(Deadline)
        .where(Deadline.case_id == case_id, Deadline.status.in_(RUNNING))
        .order_by(Deadline.id)
        .with_for_update()
    )
    return (await session.scalars(query)).all()


async def next_due(
    session: AsyncSession, case_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Deadline]:
    """The nearest running deadline of every listed case, in one statement."""
    if not case_ids:
        return {}
    query = (
        select(Deadline)
        .where(Deadline.case_id.in_(case_ids), Deadline.status.in_(RUNNING))
        .order_by(Deadline.case_id, Deadline.due_at, Deadline.id)
        .ext(distinct_on(Deadline.case_id))
    )
    return {d.case_id: d for d in (await session.scalars(query)).all() if d.case_id}


async def overrides(session: AsyncSession, campaign_id: uuid.UUID) -> dict[str, DeadlineRule]:
    rows = await session.scalars(
        select(DeadlineRule).where(DeadlineRule.campaign_id == campaign_id)
    )
    return {r.kind: r for r in rows.all()}


async def override(
    session: AsyncSession, campaign_id: uuid.UUID, kind: str, *, for_update: bool = False
) -> DeadlineRule | None:
    query = select(DeadlineRule).where(
        DeadlineRule.campaign_id == campaign_id, DeadlineRule.kind == kind
    )
    if for_update:
        query = query.with_for_update()
    return (await session.scalars(query)).one_or_none()


@dataclass(frozen=True)
class CaseFacts:
    """What the clocks of a case depend on, read in one statement."""

    campaign_id: uuid.UUID
    status: str
    registered_on: date
    received_on: date | None
    has_procedure: bool
    resolution_target: date
    responsible_user_id: uuid.UUID | None
    responsible_unit_id: uuid.UUID | None


def _holder(
    role: RoleInCase, column: QueryableAttribute[uuid.UUID | None]
) -> ScalarSelect[uuid.UUID | None]:
    return (
        select(column)
        .where(
            Assignment.case_id == Case.id,
            Assignment.role_in_case == role.value,
            Assignment.ended_at.is_(None),
        )
        .limit(1)
        .scalar_subquery()
    )


async def case_facts(session: AsyncSession, case_id: uuid.UUID) -> CaseFacts:
    received = (
        select(func.max(CaseReceivingOrgan.received_on))
        .where(CaseReceivingOrgan.case_id == Case.id)
        .scalar_subquery()
    )
    query = (
        select(
            Case.campaign_id,
            Case.status,
            Case.registered_on,
            func.coalesce(Case.latest_petition_on, received),
            exists().where(CaseProcedure.case_id == Case.id),
            Campaign.resolution_target,
            _holder(RoleInCase.responsible_person, Assignment.user_id),
            _holder(RoleInCase.responsible_department, Assignment.org_unit_id),
        )
        .join(Campaign, Campaign.id == Case.campaign_id)
        .where(Case.id == case_id)
    )
    return CaseFacts(*(await session.execute(query)).one())


async def steps_of(session: AsyncSession, deadline_id: uuid.UUID) -> Sequence[DeadlineStep]:
    query = select(DeadlineStep).where(DeadlineStep.deadline_id == deadline_id)
    return (await session.scalars(query.order_by(DeadlineStep.at, DeadlineStep.step))).all()


async def provisional_in(session: AsyncSession, year: int) -> Sequence[Deadline]:
    query = (
        select(Deadline)
        .where(
            Deadline.due_provisional.is_(True),
            Deadline.status.in_(RUNNING),
            func.extract("year", Deadline.due_on) == year,
        )
        .order_by(Deadline.id)
        .with_for_update()
    )
    return (await session.scalars(query)).all()
