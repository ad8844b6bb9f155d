"""A hearing's status: scheduled → held | postponed | cancelled; postponed → scheduled (with a
new time, through every booking rule again) | cancelled. Held and cancelled are final.

Each action locks the hearing row, so two officials acting at once are applied one after the
other and the second sees the first's result (409 if it no longer applies).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.errors import CaseDataInvalid, Violation
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.events import publish
from anjie.hearings import scheduling, service
from anjie.hearings.errors import HearingNotYetHappened, HearingTransitionNotAllowed
from anjie.hearings.events import (
    HearingCancelled,
    HearingFact,
    HearingHeld,
    HearingPostponed,
    HearingRescheduled,
)
from anjie.hearings.models import Hearing, HearingStatus
from anjie.hearings.schemas import (
    HearingCancel,
    HearingHold,
    HearingOut,
    HearingPostpone,
    HearingReschedule,
)
from anjie.hearings.views import snapshot

S = HearingStatus
ALLOWED: dict[str, frozenset[HearingStatus]] = {
    "hold": frozenset({S.scheduled}),
    "postpone": frozenset({S.scheduled}),
    "cancel": frozenset({S.scheduled, S.postponed}),
    "reschedule": frozenset({S.postponed}),
}
# Clocks of phones and servers differ a little; "held at" a minute from now is not the future.
_LEEWAY = timedelta(minutes=5)


_FACTS: dict[str, type[HearingFact]] = {
    "hold": HearingHeld,
    "postpone": HearingPostponed,
    "cancel": HearingCancelled,
    "reschedule": HearingRescheduled,
}


async def _begin(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    action: str,
    expected: int | None,
) -> tuple[Hearing, Case]:
    hearing, case = await service.locked(session, principal, hearing_id, expected)
    if HearingStatus(hearing.status) not in ALLOWED[action]:
        raise HearingTransitionNotAllowed(hearing.status, action)
    return hearing, case


async def _finish(
    session: AsyncSession,
    principal: Principal,
    case: Case,
    hearing: Hearing,
    action: str,
    previous: str,
    reason: str | None,
) -> HearingOut:
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        f"hearing.{action}",
        entity_type="hearing",
        entity_id=hearing.id,
        case=case,
        reason=reason,
        before={"status": previous},
        after={"status": hearing.status, **snapshot(hearing)},
    )
    await publish(session, _FACTS[action](**service.fact(principal, case, hearing)))
    return await service.joined_out(session, principal, hearing.id)


async def hold(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    data: HearingHold,
    expected: int | None,
) -> HearingOut:
    hearing, case = await _begin(session, principal, hearing_id, "hold", expected)
    held_at = data.held_at or hearing.starts_at
    if held_at > clock.now() + _LEEWAY:
        raise HearingNotYetHappened()
    previous = hearing.status
    hearing.status = S.held.value
    hearing.held_at = scheduling.utc(held_at)
    hearing.minutes = data.minutes
    hearing.outcome = data.outcome or None
    return await _finish(session, principal, case, hearing, "hold", previous, None)


async def postpone(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    data: HearingPostpone,
    expected: int | None,
) -> HearingOut:
    hearing, case = await _begin(session, principal, hearing_id, "postpone", expected)
    previous = hearing.status
    # The slot is released at once; the new time is only an intention until rescheduled.
    hearing.status = S.postponed.value
    hearing.postponed_at = clock.now()
    hearing.postpone_reason = data.reason
    hearing.next_starts_at = scheduling.utc(data.new_starts_at) if data.new_starts_at else None
    return await _finish(session, principal, case, hearing, "postpone", previous, data.reason)


async def cancel(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    data: HearingCancel,
    expected: int | None,
) -> HearingOut:
    hearing, case = await _begin(session, principal, hearing_id, "cancel", expected)
    previous = hearing.status
    hearing.status = S.cancelled.value
    hearing.cancelled_at = clock.now()
    hearing.cancel_reason = data.reason
    return await _finish(session, principal, case, hearing, "cancel", previous, data.reason)


async def reschedule(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    data: HearingReschedule,
    expected: int | None,
) -> HearingOut:
    hearing, case = await _begin(session, principal, hearing_id, "reschedule", expected)
    service.ensure_open(case)
    starts_at = data.starts_at or hearing.next_starts_at
    if starts_at is None:
        missing = Violation("#/starts_at", "missing", "请填写新的时间", "The new time is required")
        raise CaseDataInvalid([missing])
    scheduling.check_notice_time(data.notice_sent_at)
    plan = scheduling.Arrangement.of(hearing)
    plan.starts_at = starts_at
    plan.duration_minutes = data.duration_minutes or plan.duration_minutes
    plan.place = data.place or plan.place
    plan.notice_sent_at = data.notice_sent_at or plan.notice_sent_at
    clashes = await service.book(session, case, hearing, plan, data.override_reason)
    plan.apply_to(hearing)
    previous = hearing.status
    hearing.status = S.scheduled.value
    hearing.next_starts_at = None
    out = await _finish(session, principal, case, hearing, "reschedule", previous, None)
    if clashes and data.override_reason:
        await service.record_override(
            session, principal, case, hearing, clashes, data.override_reason
        )
    return out
