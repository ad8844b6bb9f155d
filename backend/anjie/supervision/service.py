"""Deadlines: opened and closed by the facts of the other domains (subscribers.py), worked by
people through the clock operations here, and marked overdue and escalated by the worker.

A deadline that a fact opens or closes is derived state of that fact's audited write, so it is
not audited again; the clock operations people take (pause, resume, extend, meet, waive) are.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.audit import service as audit
from anjie.calendars import service as calendars
from anjie.calendars.errors import CalendarYearUnknownError
from anjie.core import clock
from anjie.core.calendar import CalendarYearUnknown, DurationUnit, WorkCalendar, due_at, local_date
from anjie.core.concurrency import check_version
from anjie.core.ids import uuid7
from anjie.orgs import repository as orgs_repo
from anjie.supervision import clocks
from anjie.supervision import repository as repo
from anjie.supervision.errors import (
    AlreadyExtended,
    DeadlineClosed,
    DeadlineNotFound,
    DeadlineNotPaused,
    DeadlinePaused,
    ExtensionTooLong,
    NotTheLeader,
    PauseOverdue,
)
from anjie.supervision.models import RUNNING, Deadline, DeadlineStatus
from anjie.supervision.rules import DeadlineRuleKind, Rule, effective


@dataclass(frozen=True)
class Clock:
    """What opens a deadline: its kind and subject, who answers for it, and its anchor day.
    `fixed_on` is a last day the subject sets (a plan's time limit, a relief step's due date);
    the rule's amount is then counted from it, unless `exact` (a date a person chose, like the
    next visit's). `cap` is a day it may never pass."""

    kind: DeadlineRuleKind
    subject_type: str
    subject_id: uuid.UUID
    org_unit_id: uuid.UUID
    starts_on: date
    case_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    responsible_user_id: uuid.UUID | None = None
    responsible_unit_id: uuid.UUID | None = None
    fixed_on: date | None = None
    exact: bool = False
    cap: date | None = None


async def rule_for(
    session: AsyncSession, kind: DeadlineRuleKind, campaign_id: uuid.UUID | None
) -> Rule:
    override = await repo.override(session, campaign_id, kind.value) if campaign_id else None
    return effective(kind, override)


async def _calendar(session: AsyncSession) -> WorkCalendar:
    return await calendars.load(session)


def _known(exc: CalendarYearUnknown) -> CalendarYearUnknownError:
    # A guessed holiday arrangement would silently move a legal deadline: refuse instead.
    return CalendarYearUnknownError(year=exc.year)


async def open_clock(session: AsyncSession, c: Clock) -> Deadline | None:
    """Start the clock unless its rule is switched off or one of its kind already runs on the
    subject (then that one is returned, unchanged)."""
    rule = await rule_for(session, c.kind, c.campaign_id)
    if not rule.active:
        return None
    existing = await repo.running(session, c.kind.value, c.subject_type, c.subject_id)
    if existing is not None:
        return existing
    calendar = await _calendar(session)
    try:
        # A fact's write never fails on next year's missing holidays: the day is provisional.
        amount = 0 if c.exact and c.fixed_on else rule.amount
        base, provisional = clocks.last_day(
            calendar, c.fixed_on or c.starts_on, amount, rule.unit, provisional_ok=True
        )
    except CalendarYearUnknown as exc:
        raise _known(exc) from exc
    if c.cap is not None and base > c.cap:
        base, provisional = c.cap, False
    deadline = Deadline(
        id=uuid7(),
        kind=c.kind.value,
        subject_type=c.subject_type,
        subject_id=c.subject_id,
        case_id=c.case_id,
        campaign_id=c.campaign_id,
        org_unit_id=c.org_unit_id,
        responsible_user_id=c.responsible_user_id,
        responsible_unit_id=c.responsible_unit_id,
        unit=rule.unit.value,
        starts_on=c.starts_on,
        base_due_on=base,
        due_on=base,
        due_at=due_at(base),
        due_provisional=provisional,
        status=DeadlineStatus.open.value,
        paused_days=0,
        escalation_level=0,
    )
    session.add(deadline)
    await session.flush()
    return deadline


async def rebase(session: AsyncSession, deadline: Deadline, base: date) -> None:
    """A new last day from the subject (a newly approved plan's time limit)."""
    deadline.base_due_on = base
    await _recompute(session, deadline, provisional_ok=True)


async def settle_year(session: AsyncSession, year: int) -> int:
    """That year's holidays are now known: provisional last days in it are rolled forward."""
    settled = await repo.provisional_in(session, year)
    for deadline in settled:
        await _recompute(session, deadline)
    return len(settled)


async def _recompute(
    session: AsyncSession, deadline: Deadline, *, provisional_ok: bool = False
) -> None:
    calendar = await _calendar(session)
    try:
        day, provisional = clocks.due_on(
            calendar,
            deadline.base_due_on,
            DurationUnit(deadline.unit),
            paused_days=deadline.paused_days,
            extension_days=deadline.extension_days,
            provisional_ok=provisional_ok,
        )
    except CalendarYearUnknown as exc:
        raise _known(exc) from exc
    deadline.due_on, deadline.due_provisional = day, provisional
    deadline.due_at = due_at(day)
    await session.flush()


def _close(deadline: Deadline, by: uuid.UUID | None, note: str | None, *, waive: bool) -> None:
    now = clock.now()
    if waive:
        deadline.status = DeadlineStatus.waived.value
    elif deadline.status == DeadlineStatus.overdue or now > deadline.due_at:
        deadline.status = DeadlineStatus.met_late.value
    else:
        deadline.status = DeadlineStatus.met.value
    if deadline.paused_at is not None:
        deadline.paused_at = None
    deadline.closed_at, deadline.closed_by, deadline.close_note = now, by, note


async def close_clock(
    session: AsyncSession,
    kind: DeadlineRuleKind,
    subject_type: str,
    subject_id: uuid.UUID,
    *,
    by: uuid.UUID | None,
    note: str | None = None,
    waive: bool = False,
) -> Deadline | None:
    """Stop the running clock of this kind on the subject (met, met late or waived)."""
    deadline = await repo.running(session, kind.value, subject_type, subject_id)
    if deadline is not None:
        _close(deadline, by, note, waive=waive)
        await session.flush()
    return deadline


async def reassign(
    session: AsyncSession,
    case_id: uuid.UUID,
    *,
    user_id: uuid.UUID | None = None,
    unit_id: uuid.UUID | None = None,
) -> None:
    """A new responsible person or department answers for the case's running clocks."""
    for deadline in await repo.running_on_case(session, case_id):
        if user_id is not None:
            deadline.responsible_user_id = user_id
        if unit_id is not None:
            deadline.responsible_unit_id = unit_id
    await session.flush()


# ---- what people do with a clock -------------------------------------------------------------


def _is_overdue(d: Deadline) -> bool:
    return d.status in RUNNING and d.paused_at is None and d.due_at < clock.now()


async def get(session: AsyncSession, principal: Principal, deadline_id: uuid.UUID) -> Deadline:
    deadline = await repo.get_visible(session, principal, deadline_id)
    if deadline is None:
        raise DeadlineNotFound()
    return deadline


async def _locked(
    session: AsyncSession, principal: Principal, deadline_id: uuid.UUID, expected: int | None
) -> Deadline:
    deadline = await repo.get_visible(session, principal, deadline_id, for_update=True)
    if deadline is None:
        raise DeadlineNotFound()
    if expected is not None:
        check_version(expected, deadline.version)
    if deadline.status not in RUNNING:
        raise DeadlineClosed(status=deadline.status)
    return deadline


def _snapshot(d: Deadline) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "status": d.status,
        "due_on": d.due_on.isoformat(),
        "paused": d.paused_at is not None,
        "paused_days": d.paused_days,
        "extension_days": d.extension_days,
    }


async def _audit(
    session: AsyncSession,
    principal: Principal,
    action: str,
    d: Deadline,
    before: dict[str, Any],
    reason: str | None,
) -> None:
    await audit.record(
        session,
        principal,
        f"deadline.{action}",
        entity_type="deadline",
        entity_id=d.id,
        org_unit_id=d.org_unit_id,
        org_path=await orgs_repo.get_path(session, d.org_unit_id),
        case_id=d.case_id,
        reason=reason,
        before=before,
        after=_snapshot(d),
    )


async def pause(
    session: AsyncSession,
    principal: Principal,
    deadline_id: uuid.UUID,
    reason: str,
    expected: int | None,
) -> Deadline:
    """Stop counting (a hearing of the review pending, say) until resumed."""
    d = await _locked(session, principal, deadline_id, expected)
    if d.paused_at is not None:
        raise DeadlinePaused()
    if _is_overdue(d) or d.status == DeadlineStatus.overdue:
        raise PauseOverdue()
    before = _snapshot(d)
    d.paused_at, d.pause_reason = clock.now(), reason
    await session.flush()
    await _audit(session, principal, "pause", d, before, reason)
    return d


async def resume(
    session: AsyncSession,
    principal: Principal,
    deadline_id: uuid.UUID,
    reason: str,
    expected: int | None,
) -> Deadline:
    """Count again; the whole days it stood still push the last day back."""
    d = await _locked(session, principal, deadline_id, expected)
    if d.paused_at is None:
        raise DeadlineNotPaused()
    before = _snapshot(d)
    d.paused_days += (clock.today() - local_date(d.paused_at)).days
    d.paused_at = None
    await _recompute(session, d)
    await _audit(session, principal, "resume", d, before, reason)
    return d


async def extend(
    session: AsyncSession,
    principal: Principal,
    deadline_id: uuid.UUID,
    days: int,
    reason: str,
    expected: int | None,
) -> Deadline:
    """Once, approved by a leader (the caller), within the rule's maximum."""
    if not principal.has_role(Role.leader):
        raise NotTheLeader()
    d = await _locked(session, principal, deadline_id, expected)
    if d.extension_days is not None:
        raise AlreadyExtended()
    rule = await rule_for(session, DeadlineRuleKind(d.kind), d.campaign_id)
    if days > rule.max_extension_days:
        raise ExtensionTooLong(max=rule.max_extension_days)
    before = _snapshot(d)
    d.extension_days, d.extension_reason = days, reason
    d.extended_by, d.extended_at = principal.id, clock.now()
    await _recompute(session, d)
    if d.status == DeadlineStatus.overdue and d.due_at >= clock.now():
        # The new last day lies ahead again: the clock runs as before.
        d.status = DeadlineStatus.open.value
    await _audit(session, principal, "extend", d, before, reason)
    return d


async def meet(
    session: AsyncSession,
    principal: Principal,
    deadline_id: uuid.UUID,
    note: str | None,
    expected: int | None,
) -> Deadline:
    """Done (a report sent, a decision told): met, or met late when past due."""
    d = await _locked(session, principal, deadline_id, expected)
    before = _snapshot(d)
    _close(d, principal.id, note, waive=False)
    await session.flush()
    await _audit(session, principal, "meet", d, before, note)
    return d


async def waive(
    session: AsyncSession,
    principal: Principal,
    deadline_id: uuid.UUID,
    reason: str,
    expected: int | None,
) -> Deadline:
    """No longer owed, by a leader's decision with the reason."""
    if not principal.has_role(Role.leader):
        raise NotTheLeader()
    d = await _locked(session, principal, deadline_id, expected)
    before = _snapshot(d)
    _close(d, principal.id, reason, waive=True)
    await session.flush()
    await _audit(session, principal, "waive", d, before, reason)
    return d
