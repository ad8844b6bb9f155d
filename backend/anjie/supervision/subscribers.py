"""Deadlines made and closed by what the other domains publish, in the same transaction.

No scan decides that a deadline exists: each clock starts with the fact that starts it and stops
with the fact that meets it. The worker only watches the running ones go past due.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.assignments.events import AssignmentSet
from anjie.calendars.events import CalendarYearEntered
from anjie.campaigns.events import CampaignSaved
from anjie.cases.enums import CaseStatus, RoleInCase
from anjie.cases.events import CaseFact, CaseRegistered, CaseStatusChanged
from anjie.checkins.events import CheckInRecorded
from anjie.core import clock
from anjie.core.calendar import local_date
from anjie.core.events import DomainEvent, Handler
from anjie.plans.events import PlanApproved, PlanSubmitted
from anjie.relief.events import ReliefStepMoved
from anjie.supervision import repository as repo
from anjie.supervision import service
from anjie.supervision.models import SubjectType
from anjie.supervision.rules import DeadlineRuleKind as K
from anjie.supervision.service import Clock

_CASE = SubjectType.case.value
_RELIEF = SubjectType.relief_application.value
_CAMPAIGN = SubjectType.campaign.value
# Follow-up care continues after termination: return visits go on (docs/domain.md).
_VISITED = {CaseStatus.resolving.value, CaseStatus.terminated.value}


async def _case_clock(
    session: AsyncSession,
    fact: CaseFact,
    kind: K,
    starts_on: date,
    *,
    fixed_on: date | None = None,
    exact: bool = False,
    cap: date | None = None,
) -> Clock:
    case = await repo.case_facts(session, fact.case_id)
    return Clock(
        kind=kind,
        subject_type=_CASE,
        subject_id=fact.case_id,
        case_id=fact.case_id,
        campaign_id=case.campaign_id,
        org_unit_id=fact.org_unit_id,
        responsible_user_id=case.responsible_user_id,
        responsible_unit_id=case.responsible_unit_id,
        starts_on=starts_on,
        fixed_on=fixed_on,
        exact=exact,
        cap=cap,
    )


async def on_case_registered(session: AsyncSession, fact: CaseRegistered) -> None:
    case = await repo.case_facts(session, fact.case_id)
    await service.open_clock(
        session, await _case_clock(session, fact, K.plan_submission, case.registered_on)
    )
    if not case.has_procedure and case.received_on is not None:
        # Still a petition in its first handling: the 2022 Regulation's clocks run from receipt.
        for kind in (K.petition_acceptance, K.petition_handling):
            await service.open_clock(
                session, await _case_clock(session, fact, kind, case.received_on)
            )


async def on_plan_submitted(session: AsyncSession, fact: PlanSubmitted) -> None:
    await service.close_clock(session, K.plan_submission, _CASE, fact.case_id, by=fact.actor_id)


async def on_plan_approved(session: AsyncSession, fact: PlanApproved) -> None:
    """定时限: the plan's time limit, never after the campaign's resolution target."""
    case = await repo.case_facts(session, fact.case_id)
    target = case.resolution_target
    fixed = min(fact.time_limit, target) if fact.time_limit else target
    running = await repo.running(session, K.resolution.value, _CASE, fact.case_id)
    if running is not None:
        await service.rebase(session, running, fixed)
        return
    clock_ = await _case_clock(
        session, fact, K.resolution, clock.today(), fixed_on=fixed, cap=target
    )
    await service.open_clock(session, clock_)


async def on_status_changed(session: AsyncSession, fact: CaseStatusChanged) -> None:
    closed = fact.to_status in (CaseStatus.resolved.value, CaseStatus.terminated.value)
    if closed:
        await service.close_clock(session, K.resolution, _CASE, fact.case_id, by=fact.actor_id)
    if fact.to_status in _VISITED:
        await service.open_clock(
            session, await _case_clock(session, fact, K.return_visit, clock.today())
        )
    else:
        note = f"case {fact.to_status}"
        await service.close_clock(
            session, K.return_visit, _CASE, fact.case_id, by=fact.actor_id, note=note, waive=True
        )
    if fact.to_status == CaseStatus.accepted.value:
        for kind in (K.plan_submission, K.petition_acceptance, K.petition_handling):
            await service.close_clock(
                session, kind, _CASE, fact.case_id, by=fact.actor_id, note="accepted", waive=True
            )


async def on_check_in(session: AsyncSession, fact: CheckInRecorded) -> None:
    """A visit meets the running clock; the next one is due on the date the officer set, or
    30 days on, while the case is worked or cared for."""
    await service.close_clock(session, K.return_visit, _CASE, fact.case_id, by=fact.actor_id)
    case = await repo.case_facts(session, fact.case_id)
    if case.status not in _VISITED:
        return
    visited = local_date(fact.visited_at)
    c = await _case_clock(session, fact, K.return_visit, visited)
    if fact.next_visit_on is not None and fact.next_visit_on > visited:
        c = await _case_clock(
            session,
            fact,
            K.return_visit,
            visited,
            fixed_on=fact.next_visit_on,
            exact=True,
            cap=visited + timedelta(days=30),
        )
    await service.open_clock(session, c)


async def on_relief_step(session: AsyncSession, fact: ReliefStepMoved) -> None:
    await service.close_clock(
        session, K.relief_step, _RELIEF, fact.application_id, by=fact.actor_id
    )
    case = await repo.case_facts(session, fact.case_id)

    def relief_clock(kind: K, starts_on: date, fixed_on: date | None = None) -> Clock:
        return Clock(
            kind=kind,
            subject_type=_RELIEF,
            subject_id=fact.application_id,
            case_id=fact.case_id,
            campaign_id=case.campaign_id,
            org_unit_id=fact.org_unit_id,
            responsible_user_id=case.responsible_user_id,
            responsible_unit_id=case.responsible_unit_id,
            starts_on=starts_on,
            fixed_on=fixed_on,
        )

    today = clock.today()
    if fact.due_at is not None:
        # The step's own working-day date, computed by relief on the same calendar.
        await service.open_clock(
            session, relief_clock(K.relief_step, today, local_date(fact.due_at))
        )
    if fact.to_step == "rejected":
        await service.open_clock(session, relief_clock(K.relief_refusal_notice, today))


async def on_assignment(session: AsyncSession, fact: AssignmentSet) -> None:
    if fact.role_in_case == RoleInCase.responsible_person.value and fact.user_id:
        await service.reassign(session, fact.case_id, user_id=fact.user_id)
    elif fact.role_in_case == RoleInCase.responsible_department.value and fact.holder_unit_id:
        await service.reassign(session, fact.case_id, unit_id=fact.holder_unit_id)


async def on_campaign_saved(session: AsyncSession, fact: CampaignSaved) -> None:
    for kind, day in (
        (K.census_report, fact.census_ends_on),
        (K.self_inspection, fact.self_inspection_due),
    ):
        if day is None:
            continue
        running = await repo.running(session, kind.value, _CAMPAIGN, fact.campaign_id)
        if running is not None:
            await service.rebase(session, running, day)
            continue
        await service.open_clock(
            session,
            Clock(
                kind=kind,
                subject_type=_CAMPAIGN,
                subject_id=fact.campaign_id,
                campaign_id=fact.campaign_id,
                org_unit_id=fact.org_unit_id,
                responsible_unit_id=fact.org_unit_id,
                starts_on=clock.today(),
                fixed_on=day,
            ),
        )


async def on_calendar_year(session: AsyncSession, fact: CalendarYearEntered) -> None:
    await service.settle_year(session, fact.year)


SUBSCRIPTIONS: tuple[tuple[type[DomainEvent], Handler[Any]], ...] = (
    (CampaignSaved, on_campaign_saved),
    (CaseRegistered, on_case_registered),
    (AssignmentSet, on_assignment),
    (PlanSubmitted, on_plan_submitted),
    (PlanApproved, on_plan_approved),
    (CaseStatusChanged, on_status_changed),
    (CheckInRecorded, on_check_in),
    (ReliefStepMoved, on_relief_step),
    (CalendarYearEntered, on_calendar_year),
)
