"""Hearings (听证 / 调解 / 会诊 / 接访) on a case: booking, reading, changing the arrangements.

A hearing is visible exactly when its case is (cases.policies): outside that it is 404. Every
write is audited with the case id, so it shows on the case timeline. Status changes are in
workflow.py; the booking rules in scheduling.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.enums import CLOSED_STATUSES
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.hearings import repository as repo
from anjie.hearings import scheduling
from anjie.hearings.errors import (
    Clash,
    HearingCaseClosed,
    HearingNotEditable,
    HearingNotFound,
    HearingNotHeld,
)
from anjie.hearings.events import HearingRescheduled, HearingScheduled
from anjie.hearings.models import Hearing, HearingKind, HearingStatus
from anjie.hearings.schemas import HearingCreate, HearingOut, HearingUpdate
from anjie.hearings.views import snapshot, to_out

# Arrangements a PATCH may change, and (separately) the record, which exists only once held.
SCHEDULING_FIELDS = frozenset(HearingUpdate.model_fields) - {"minutes", "outcome"}
RECORD_FIELDS = frozenset({"minutes", "outcome"})
# Changing any of these can create a double booking; the others cannot.
CALENDAR_FIELDS = frozenset(
    {"starts_at", "duration_minutes", "place", "chair_user_id", "clerk_user_id", "participants"}
)


async def record_override(
    session: AsyncSession,
    principal: Principal,
    case: Case,
    hearing: Hearing,
    clashes: Sequence[Clash],
    reason: str,
) -> None:
    """A double booking kept on purpose: its own event, naming every clash and the reason."""
    await audit.record_on_case(
        session,
        principal,
        "hearing.conflict_override",
        entity_type="hearing",
        entity_id=hearing.id,
        case=case,
        reason=reason,
        after={"conflicts": [c.as_dict() for c in clashes]},
    )


async def joined_out(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID
) -> HearingOut:
    row = await repo.get_joined(session, principal, hearing_id)
    if row is None:
        raise HearingNotFound()
    return to_out(row)


async def locked(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID, expected: int | None
) -> tuple[Hearing, Case]:
    found = await repo.lock_visible(session, principal, hearing_id)
    if found is None:
        raise HearingNotFound()
    if expected is not None:
        check_version(expected, found[0].version)
    return found


def ensure_open(case: Case) -> None:
    """Booking or moving a hearing works a case; recording one already held does not."""
    if case.status in CLOSED_STATUSES:
        raise HearingCaseClosed()


async def create(session: AsyncSession, principal: Principal, data: HearingCreate) -> HearingOut:
    case = await get_visible_case(session, principal, data.case_id)
    ensure_open(case)
    plan = scheduling.Arrangement(
        kind=data.kind.value,
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        place=data.place,
        chair_user_id=data.chair_user_id,
        clerk_user_id=data.clerk_user_id,
        notice_sent_at=data.notice_sent_at,
        participant_user_ids=[p.user_id for p in data.participants if p.user_id],
    )
    participants = await scheduling.check_people(
        session,
        case.id,
        principal.org_path,
        chair_user_id=data.chair_user_id,
        clerk_user_id=data.clerk_user_id,
        final=plan,
        participants=data.participants,
    )
    scheduling.check_notice_time(data.notice_sent_at)
    await scheduling.check_chair(session, case.id, plan.chair_user_id)
    scheduling.check_notice(plan)
    clashes = await scheduling.check_calendar(
        session, plan, exclude_id=None, override_reason=data.override_reason
    )
    now = clock.now()
    hearing = Hearing(
        id=uuid7(),
        case_id=case.id,
        status=HearingStatus.scheduled.value,
        created_by=principal.id,
        created_at=now,
        updated_at=now,
        public=data.public if data.public is not None else data.kind == HearingKind.public_hearing,
        participants=participants or [],
        conflict_override_reason=data.override_reason if clashes else None,
    )
    plan.apply_to(hearing)
    session.add(hearing)
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        "hearing.create",
        entity_type="hearing",
        entity_id=hearing.id,
        case=case,
        after=snapshot(hearing),
    )
    if clashes and data.override_reason:
        await record_override(session, principal, case, hearing, clashes, data.override_reason)
    await publish(session, HearingScheduled(**fact(principal, case, hearing)))
    return await joined_out(session, principal, hearing.id)


async def book(
    session: AsyncSession,
    case: Case,
    hearing: Hearing,
    plan: scheduling.Arrangement,
    override_reason: str | None,
    *,
    calendar: bool = True,
) -> list[Clash]:
    """The rules for a hearing that is (or becomes) scheduled as `plan` says; when the calendar
    is checked, the override reason is kept only while there is something it overrides."""
    ensure_open(case)
    await scheduling.check_chair(session, case.id, plan.chair_user_id)
    scheduling.check_notice(plan)
    if not calendar:
        return []
    clashes = await scheduling.check_calendar(
        session, plan, exclude_id=hearing.id, override_reason=override_reason
    )
    hearing.conflict_override_reason = override_reason if clashes else None
    return clashes


async def update(
    session: AsyncSession,
    principal: Principal,
    hearing_id: uuid.UUID,
    data: HearingUpdate,
    expected: int,
) -> HearingOut:
    hearing, case = await locked(session, principal, hearing_id, expected)
    sent = data.model_fields_set
    status = HearingStatus(hearing.status)
    if sent & RECORD_FIELDS and status != HearingStatus.held:
        raise HearingNotHeld()
    if sent & SCHEDULING_FIELDS and status not in (
        HearingStatus.scheduled,
        HearingStatus.postponed,
    ):
        raise HearingNotEditable(status.value)
    if status == HearingStatus.cancelled:
        raise HearingNotEditable(status.value)
    before = snapshot(hearing)
    changes = data.model_dump(include=sent - {"participants", "override_reason"})
    plan = scheduling.Arrangement.of(hearing)
    for name in ("kind", "starts_at", "duration_minutes", "place", "chair_user_id"):
        if name in changes:
            setattr(plan, name, changes[name])
    for name in ("clerk_user_id", "notice_sent_at"):
        if name in sent:
            setattr(plan, name, changes[name])
    if data.participants is not None:
        plan.participant_user_ids = [p.user_id for p in data.participants if p.user_id]
    participants = await scheduling.check_people(
        session,
        case.id,
        principal.org_path,
        chair_user_id=data.chair_user_id,
        clerk_user_id=data.clerk_user_id,
        final=plan,
        participants=data.participants,
    )
    scheduling.check_notice_time(data.notice_sent_at)
    clashes: list[Clash] = []
    if status == HearingStatus.scheduled and sent & SCHEDULING_FIELDS:
        clashes = await book(
            session,
            case,
            hearing,
            plan,
            data.override_reason,
            calendar=bool(sent & CALENDAR_FIELDS),
        )
    elif status == HearingStatus.postponed and sent & SCHEDULING_FIELDS:
        # Not occupying a slot: time, notice and conflicts are checked when it is rescheduled.
        await scheduling.check_chair(session, case.id, plan.chair_user_id)
    plan.apply_to(hearing)
    if participants is not None:
        hearing.participants = participants
    for name in ("public", "minutes", "outcome"):
        if name in changes:
            setattr(hearing, name, changes[name])
    await session.flush()
    after = snapshot(hearing)
    await audit.record_on_case(
        session,
        principal,
        "hearing.update",
        entity_type="hearing",
        entity_id=hearing.id,
        case=case,
        before=before,
        after=after,
    )
    if clashes and data.override_reason:
        await record_override(session, principal, case, hearing, clashes, data.override_reason)
    if status == HearingStatus.scheduled and before["starts_at"] != after["starts_at"]:
        await publish(session, HearingRescheduled(**fact(principal, case, hearing)))
    return await joined_out(session, principal, hearing.id)


def fact(principal: Principal, case: Case, hearing: Hearing) -> dict[str, Any]:
    """The fields every hearing fact carries."""
    return {
        "case_id": case.id,
        "org_unit_id": case.org_unit_id,
        "actor_id": principal.id,
        "hearing_id": hearing.id,
        "kind": hearing.kind,
        "starts_at": hearing.starts_at,
    }


async def get(session: AsyncSession, principal: Principal, hearing_id: uuid.UUID) -> HearingOut:
    return await joined_out(session, principal, hearing_id)


async def attachment_owner(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID
) -> uuid.UUID:
    """The attachments' owner resolver: the hearing's case id, 404 outside the caller's scope.
    Like the minutes, attachments (record scans, signed sheets) come once the hearing is held."""
    found = await repo.case_id_of_visible(session, principal, hearing_id)
    if found is None:
        raise HearingNotFound()
    case_id, status = found
    if status != HearingStatus.held:
        raise HearingNotHeld()
    return case_id
