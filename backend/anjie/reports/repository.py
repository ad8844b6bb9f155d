"""All SQL of reports: each figure is one aggregate in PostgreSQL over the caller's cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnClause
from sqlalchemy.sql.selectable import Subquery

from anjie.access.principal import Principal
from anjie.assignments.models import Assignment
from anjie.cases.enums import CLOSED_STATUSES, CaseStatus
from anjie.cases.models import Case, CaseReceivingOrgan
from anjie.cases.policies import visible_cases
from anjie.cases.repository import CaseFilters, filter_conditions
from anjie.checkins.models import CheckIn
from anjie.hearings.models import Hearing
from anjie.orgs.models import OrgUnit
from anjie.plans.models import PlanStatus, PlanVersion
from anjie.relief.models import ReliefApplication
from anjie.supervision.models import RUNNING as DEADLINE_RUNNING
from anjie.supervision.models import Deadline

OPEN_STATUSES = tuple(s.value for s in CaseStatus if s not in CLOSED_STATUSES)
END_OF_DAY: ColumnClause[Any] = literal_column("interval '23:59:59'")


@dataclass(frozen=True)
class Window:
    """The clock of one report: now, and where "due soon" ends."""

    now: datetime
    soon: datetime
    week: datetime
    today: date
    soon_day: date


def _cases(principal: Principal, filters: CaseFilters) -> list[ColumnElement[bool]]:
    return [visible_cases(principal), *filter_conditions(filters)]


async def case_groups(
    session: AsyncSession, principal: Principal, filters: CaseFilters
) -> Sequence[Any]:
    """Counts by status, by category and by owning unit in one pass (GROUPING SETS).

    None marks the columns a row is not grouped by; none of them is nullable in a case row.
    """
    # An alias: the scope's EXISTS on org_unit must not correlate to this join.
    owner = aliased(OrgUnit)
    query = (
        select(Case.status, Case.category, Case.org_unit_id, owner.name, func.count())
        .join(owner, owner.id == Case.org_unit_id)
        .where(*_cases(principal, filters))
        .group_by(
            func.grouping_sets(
                tuple_(Case.status), tuple_(Case.category), tuple_(Case.org_unit_id, owner.name)
            )
        )
    )
    return (await session.execute(query)).all()


async def organ_counts(
    session: AsyncSession, principal: Principal, filters: CaseFilters
) -> Sequence[Any]:
    """Cases per receiving organ. The distinct (organ, case) pairs are hashed first: a case
    listing an organ twice counts once, without count(DISTINCT)'s sort per group."""
    pairs = (
        select(CaseReceivingOrgan.organ, CaseReceivingOrgan.case_id)
        .join(Case, Case.id == CaseReceivingOrgan.case_id)
        .where(*_cases(principal, filters))
        .distinct()
        .subquery()
    )
    query = select(pairs.c.organ, func.count()).group_by(pairs.c.organ)
    return (await session.execute(query)).all()


def _relief_clocks(principal: Principal, filters: CaseFilters) -> Subquery:
    # A due date is set only while a step runs a clock; it is cleared when the clock stops.
    return (
        select(
            ReliefApplication.id,
            ReliefApplication.case_id,
            ReliefApplication.step,
            ReliefApplication.due_at,
            Case.number.label("case_number"),
            Case.title.label("case_title"),
        )
        .join(Case, Case.id == ReliefApplication.case_id)
        .where(ReliefApplication.due_at.is_not(None), *_cases(principal, filters))
        .subquery()
    )


def _next_visits(principal: Principal, filters: CaseFilters) -> Subquery:
    """The latest check-in of each resolving case, when it set a next visit date."""
    return (
        select(
            CheckIn.id,
            CheckIn.case_id,
            CheckIn.next_visit_on,
            Case.number.label("case_number"),
            Case.title.label("case_title"),
        )
        .join(Case, Case.id == CheckIn.case_id)
        .where(Case.status == "resolving", *_cases(principal, filters))
        .order_by(CheckIn.case_id, CheckIn.visited_at.desc(), CheckIn.id.desc())
        .ext(distinct_on(CheckIn.case_id))
        .subquery()
    )


def _upcoming_hearings(principal: Principal, filters: CaseFilters, w: Window) -> Subquery:
    return (
        select(
            Hearing.id,
            Hearing.case_id,
            Hearing.kind,
            Hearing.starts_at,
            Case.number.label("case_number"),
            Case.title.label("case_title"),
        )
        .join(Case, Case.id == Hearing.case_id)
        .where(
            Hearing.status == "scheduled",
            Hearing.starts_at >= w.now,
            Hearing.starts_at < w.week,
            *_cases(principal, filters),
        )
        .subquery()
    )


async def deadline_counts(
    session: AsyncSession, principal: Principal, filters: CaseFilters, w: Window
) -> dict[str, int]:
    """Overdue and due-soon relief steps and return visits, and the week's hearings: one query."""
    relief = _relief_clocks(principal, filters)
    visits = _next_visits(principal, filters)
    hearings = _upcoming_hearings(principal, filters, w)
    count = func.count()
    query = select(
        select(count.filter(relief.c.due_at < w.now)).select_from(relief).scalar_subquery(),
        select(count.filter(and_(relief.c.due_at >= w.now, relief.c.due_at < w.soon)))
        .select_from(relief)
        .scalar_subquery(),
        select(count.filter(visits.c.next_visit_on < w.today))
        .select_from(visits)
        .scalar_subquery(),
        select(
            count.filter(
                and_(visits.c.next_visit_on >= w.today, visits.c.next_visit_on <= w.soon_day)
            )
        )
        .select_from(visits)
        .scalar_subquery(),
        select(func.count()).select_from(hearings).scalar_subquery(),
    )
    row = (await session.execute(query)).one()
    names = ("relief_overdue", "relief_due_soon", "visits_overdue", "visits_due_soon", "hearings")
    return dict(zip(names, (int(v) for v in row), strict=True))


async def task_counts(
    session: AsyncSession,
    principal: Principal,
    filters: CaseFilters,
    relief_steps: Sequence[str],
    *,
    own_drafts: bool,
    may_approve_plans: bool,
) -> dict[str, int]:
    # From the caller's own active assignments (indexed by user), not from every case; an
    # alias, so that an officer's scope (itself an EXISTS on assignments) does not correlate.
    held = aliased(Assignment)
    mine = (
        select(func.count(func.distinct(held.case_id)))
        .join(Case, Case.id == held.case_id)
        .where(
            held.user_id == principal.id,
            held.ended_at.is_(None),
            Case.status.in_(OPEN_STATUSES),
            *_cases(principal, filters),
        )
        .scalar_subquery()
    )
    plans = (
        select(func.count())
        .select_from(PlanVersion)
        .join(Case, Case.id == PlanVersion.case_id)
        .where(
            PlanVersion.status == PlanStatus.submitted.value,
            # The author may not approve their own plan (plans/service.py).
            PlanVersion.author_id != principal.id,
            *_cases(principal, filters),
        )
        .scalar_subquery()
    )
    relief = (
        select(func.count())
        .select_from(ReliefApplication)
        .join(Case, Case.id == ReliefApplication.case_id)
        .where(
            or_(
                ReliefApplication.step.in_(relief_steps),
                and_(
                    literal(own_drafts),
                    ReliefApplication.step == "draft",
                    ReliefApplication.created_by == principal.id,
                ),
            ),
            *_cases(principal, filters),
        )
        .scalar_subquery()
    )
    row = (await session.execute(select(mine, plans, relief))).one()
    return {
        "assigned_open_cases": int(row[0]),
        "plans_to_approve": int(row[1]) if may_approve_plans else 0,
        "relief_to_act": int(row[2]),
    }


async def deadline_items(
    session: AsyncSession, principal: Principal, filters: CaseFilters, w: Window, limit: int
) -> list[dict[str, Any]]:
    """The nearest deadlines of every kind, overdue first, merged and cut in PostgreSQL."""
    relief = _relief_clocks(principal, filters)
    visits = _next_visits(principal, filters)
    hearings = _upcoming_hearings(principal, filters, w)
    # A next visit is due at the end of its day in Shanghai, like every other deadline.
    visit_due = func.timezone("Asia/Shanghai", visits.c.next_visit_on + END_OF_DAY)
    parts = [
        select(
            literal("relief_step").label("kind"),
            relief.c.id.label("ref_id"),
            relief.c.case_id,
            relief.c.case_number,
            relief.c.case_title,
            relief.c.due_at.label("due_at"),
            relief.c.step.label("detail"),
        ).where(relief.c.due_at < w.soon),
        select(
            literal("return_visit"),
            visits.c.id,
            visits.c.case_id,
            visits.c.case_number,
            visits.c.case_title,
            visit_due,
            literal(None, String),
        ).where(visits.c.next_visit_on <= w.soon_day),
        select(
            literal("hearing"),
            hearings.c.id,
            hearings.c.case_id,
            hearings.c.case_number,
            hearings.c.case_title,
            hearings.c.starts_at,
            hearings.c.kind,
        ),
    ]
    merged = union_all(*parts).subquery()
    query = select(merged).order_by(merged.c.due_at, merged.c.ref_id).limit(limit)
    return [dict(row._mapping) for row in await session.execute(query)]


async def supervision_counts(
    session: AsyncSession, principal: Principal, filters: CaseFilters, w: Window
) -> tuple[int, int, int]:
    """Every running deadline of the counted cases: overdue, due soon, escalated — one query."""
    running = and_(
        Deadline.status.in_(DEADLINE_RUNNING),
        exists().where(Case.id == Deadline.case_id, *_cases(principal, filters)),
    )
    due = and_(Deadline.paused_at.is_(None), Deadline.due_at < w.now)
    soon = and_(Deadline.due_at >= w.now, Deadline.due_at < w.soon)
    query = select(
        func.count().filter(due),
        func.count().filter(soon),
        func.count().filter(Deadline.escalation_level > 0),
    ).where(running)
    overdue, due_soon, escalated = (await session.execute(query)).one()
    return int(overdue), int(due_soon), int(escalated)
