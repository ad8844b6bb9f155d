"""The steps of an application after its draft, each an explicit action with an opinion.

draft → submitted → unit_opinion → reviewed → approved | rejected; approved → disbursed →
notified. A leader may also reject at submitted or unit_opinion (an ineligible application need
not run the whole chain). Which action leaves which step, with which permission, is the table in
guards.py, which also lists each application's allowed actions. Time limits in working days on
the official calendar: unit opinion 10 after submission, review 10 after the unit opinion,
notification 2 after disbursement; the other steps run no clock.

Approval has four eyes: the approver is neither the submitter nor the reviewer. An amount above
the cap needs `exceptional` with a reason and a second, different leader; until then the
application stays `reviewed`, awaiting the second approval.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.calendars import service as calendars
from anjie.calendars.errors import CalendarYearUnknownError
from anjie.cases.errors import Violation
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.calendar import CalendarYearUnknown, due_at, local_date
from anjie.relief import guards, service, views
from anjie.relief import repository as repo
from anjie.relief.cap import cap_for
from anjie.relief.errors import (
    ReliefAlreadyGranted,
    ReliefAmountAboveRequest,
    ReliefApprovalMismatch,
    ReliefInputInvalid,
    ReliefOverCap,
)
from anjie.relief.models import ReliefAction, ReliefApplication, Step
from anjie.relief.schemas import ApproveAction, ReliefOut, StepAction, money_str

# Working days the next actor has once the application reaches the step.
TIME_LIMITS: dict[Step, int] = {Step.submitted: 10, Step.unit_opinion: 10, Step.disbursed: 2}


async def due_for(session: AsyncSession, step: Step, day: date) -> datetime | None:
    working_days = TIME_LIMITS.get(step)
    if working_days is None:
        return None
    calendar = await calendars.load(session)
    try:
        return due_at(calendar.add_working_days(day, working_days))
    except CalendarYearUnknown as exc:
        # A guessed holiday arrangement would silently move a legal deadline: refuse instead.
        raise CalendarYearUnknownError(year=exc.year) from exc
    except OverflowError as exc:
        raise CalendarYearUnknownError(year=date.max.year + 1) from exc


async def act(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    action: ReliefAction,
    data: StepAction,
) -> ReliefOut:
    """Every action but the approval, which carries more (below)."""
    target = guards.MOVES[action].target
    case, app = await service.writable(session, principal, application_id)
    guards.check(principal, app, action)
    before = views.snapshot(app)
    now = clock.now()
    app.step = target.value
    app.due_at = await due_for(session, target, local_date(now))
    if target == Step.submitted:
        app.submitted_by, app.submitted_at = principal.id, now
    elif target == Step.reviewed:
        app.reviewed_by = principal.id
    elif target == Step.rejected:
        app.decided_by, app.decided_at = principal.id, now
    await service.record(
        session, principal, case, app, action.value, opinion=data.opinion, before=before
    )
    return await views.out(session, principal, app)


def _check_commitment(data: ApproveAction) -> None:
    if data.commitment_signed_on is not None and data.commitment_signed_on > clock.today():
        raise ReliefInputInvalid(
            [
                Violation(
                    "#/commitment_signed_on",
                    "future_date",
                    "承诺书签订日期不能晚于今天",
                    "The commitment cannot be signed after today",
                )
            ]
        )


async def approve(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, data: ApproveAction
) -> ReliefOut:
    _check_commitment(data)
    case, app = await service.writable(session, principal, application_id)
    # Refuse early a second grant for the person in this case, before anyone signs it off.
    granted = guards.depends_on_grants(principal, app) and await repo.granted_exists(
        session, case.id, app.applicant_petitioner_id, app.id
    )
    guards.check(principal, app, ReliefAction.approve, granted_elsewhere=granted)
    before = views.snapshot(app)
    if data.commitment_signed:
        app.commitment_signed, app.commitment_signed_on = True, data.commitment_signed_on
    if app.first_approver_id is not None:
        # The second leader confirms what the first approved; a different sum is a new decision.
        if data.amount_approved is not None and data.amount_approved != app.amount_approved:
            raise ReliefApprovalMismatch()
        return await _grant(session, principal, case, app, data, before)
    if data.amount_approved is None:
        raise ReliefInputInvalid(
            [Violation("#/amount_approved", "missing", "请填写批准金额", "amount_approved needed")]
        )
    if data.amount_approved > app.amount_requested:
        raise ReliefAmountAboveRequest()
    cap = await cap_for(session, app)
    app.amount_approved = data.amount_approved
    app.cap_amount, app.standard_year = cap.amount, cap.year
    if data.amount_approved <= cap.amount:
        # Within the standard there is nothing exceptional to approve twice.
        app.exceptional, app.exceptional_reason = False, None
        return await _grant(session, principal, case, app, data, before)
    if not data.exceptional:
        raise ReliefOverCap(money_str(data.amount_approved), money_str(cap.amount))
    app.exceptional, app.exceptional_reason = True, data.exceptional_reason
    app.first_approver_id, app.first_approved_at = principal.id, clock.now()
    await service.record(
        session,
        principal,
        case,
        app,
        "approve",
        opinion=data.opinion,
        before=before,
        amount=app.amount_approved,
        after_extra={"awaiting_second_approval": True, "cap": money_str(cap.amount)},
    )
    return await views.out(session, principal, app)


async def _grant(
    session: AsyncSession,
    principal: Principal,
    case: Case,
    app: ReliefApplication,
    data: ApproveAction,
    before: dict[str, object],
) -> ReliefOut:
    now = clock.now()
    app.step = Step.approved.value
    app.due_at = None
    app.decided_by, app.decided_at = principal.id, now
    try:
        await session.flush()
    except IntegrityError as exc:
        # The partial unique index has the last word, should a grant slip past the check above.
        raise ReliefAlreadyGranted() from exc
    extra: dict[str, object] = {"cap": money_str(app.cap_amount) if app.cap_amount else None}
    if app.commitment_signed and not case.commitment_signed:
        extra["case_commitment_signed_on"] = await _sign_on_case(session, principal, case, app)
    await service.record(
        session,
        principal,
        case,
        app,
        "approve",
        opinion=data.opinion,
        before=before,
        amount=app.amount_approved,
        after_extra=extra,
    )
    return await views.out(session, principal, app)


async def _sign_on_case(
    session: AsyncSession, principal: Principal, case: Case, app: ReliefApplication
) -> str | None:
    """The commitment signed with the relief is the case's 息诉罢访 commitment too."""
    case.commitment_signed, case.commitment_signed_on = True, app.commitment_signed_on
    await session.flush()
    signed_on = app.commitment_signed_on.isoformat() if app.commitment_signed_on else None
    await audit.record_on_case(
        session,
        principal,
        "case.commitment_signed",
        entity_type="case",
        entity_id=case.id,
        case=case,
        before={"commitment_signed": False, "commitment_signed_on": None},
        after={
            "commitment_signed": True,
            "commitment_signed_on": signed_on,
            "relief_application_id": str(app.id),
        },
    )
    return signed_on
