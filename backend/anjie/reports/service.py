"""Rules of the reports: the clock window, which tasks are whose, and the shape of the summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases.repository import CaseFilters
from anjie.core import clock
from anjie.core.calendar import local_date
from anjie.reports import repository as repo
from anjie.reports.schemas import (
    Bucket,
    DeadlineCounts,
    DeadlineItem,
    MyTasks,
    Summary,
    UnitBucket,
)

# A reminder goes out three days before a deadline (docs/domain.md, supervision).
DUE_SOON = timedelta(days=3)
HEARINGS_AHEAD = timedelta(days=7)

# The relief steps each permission moves on (relief/endpoints.py); a draft is its author's task.
RELIEF_STEPS_BY_PERMISSION: dict[Permission, tuple[str, ...]] = {
    Permission.relief_review: ("submitted", "unit_opinion", "approved", "disbursed"),
    Permission.relief_approve: ("reviewed",),
}


def window() -> repo.Window:
    now = clock.now()
    return repo.Window(
        now=now,
        soon=now + DUE_SOON,
        week=now + HEARINGS_AHEAD,
        today=local_date(now),
        soon_day=local_date(now + DUE_SOON),
    )


def relief_steps_for(principal: Principal) -> list[str]:
    return sorted(
        {s for p, steps in RELIEF_STEPS_BY_PERMISSION.items() if principal.can(p) for s in steps}
    )


def _buckets(rows: Sequence[tuple[Any, int]]) -> list[Bucket]:
    ordered = sorted(rows, key=lambda r: (-r[1], str(r[0])))
    return [Bucket(key=str(key), count=int(n)) for key, n in ordered]


async def summary(session: AsyncSession, principal: Principal, filters: CaseFilters) -> Summary:
    w = window()
    statuses: list[tuple[str, int]] = []
    categories: list[tuple[str, int]] = []
    units: list[UnitBucket] = []
    for status, category, unit_id, unit_name, count in await repo.case_groups(
        session, principal, filters
    ):
        if status is not None:
            statuses.append((status, count))
        elif category is not None:
            categories.append((category, count))
        elif unit_id is not None:
            units.append(UnitBucket(org_unit_id=unit_id, name=unit_name, count=count))
    organs = [(organ, n) for organ, n in await repo.organ_counts(session, principal, filters)]
    deadlines = await repo.deadline_counts(session, principal, filters, w)
    overdue, due_soon, escalated = await repo.supervision_counts(session, principal, filters, w)
    tasks = await repo.task_counts(
        session,
        principal,
        filters,
        relief_steps_for(principal),
        own_drafts=principal.can(Permission.relief_write),
        may_approve_plans=principal.can(Permission.plans_approve),
    )
    total = sum(n for _, n in statuses)
    open_ = sum(n for s, n in statuses if s in repo.OPEN_STATUSES)
    return Summary(
        as_of=w.now,
        total=total,
        open=open_,
        closed=total - open_,
        by_status=_buckets(statuses),
        by_category=_buckets(categories),
        by_receiving_organ=_buckets(organs),
        by_unit=sorted(units, key=lambda u: (-u.count, u.name)),
        relief_deadlines=DeadlineCounts(
            overdue=deadlines["relief_overdue"], due_soon=deadlines["relief_due_soon"]
        ),
        return_visits=DeadlineCounts(
            overdue=deadlines["visits_overdue"], due_soon=deadlines["visits_due_soon"]
        ),
        hearings_next_7_days=deadlines["hearings"],
        deadlines=DeadlineCounts(overdue=overdue, due_soon=due_soon),
        escalated=escalated,
        my_tasks=MyTasks(**tasks),
    )


async def deadlines(
    session: AsyncSession, principal: Principal, filters: CaseFilters, limit: int
) -> list[DeadlineItem]:
    w = window()
    rows = await repo.deadline_items(session, principal, filters, w, limit)
    return [DeadlineItem(**row, overdue=row["due_at"] < w.now) for row in rows]
