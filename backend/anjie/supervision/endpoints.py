"""Deadlines (时限) and the campaigns' deadline rules."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import AwareDatetime

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core import clock
from anjie.core.calendar import SHANGHAI
from anjie.core.concurrency import OptionalIfMatch, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Cursor, Limit, Page
from anjie.core.schemas import Years
from anjie.supervision import listing, rules_service, service
from anjie.supervision.models import DeadlineStatus
from anjie.supervision.repository import DeadlineFilters
from anjie.supervision.rules import DeadlineRuleKind
from anjie.supervision.schemas import (
    ClockClose,
    ClockExtend,
    ClockReason,
    DeadlineDetail,
    DeadlineOut,
    RuleIn,
    RuleOut,
)
from anjie.supervision.views import to_detail, to_out

router = APIRouter(tags=["supervision"])
Reader = Annotated[Principal, Depends(Authorize(Permission.deadlines_read))]
Worker = Annotated[Principal, Depends(Authorize(Permission.deadlines_write))]
Approver = Annotated[Principal, Depends(Authorize(Permission.deadlines_approve))]
RuleReader = Annotated[Principal, Depends(Authorize(Permission.campaigns_read))]
RuleWriter = Annotated[Principal, Depends(Authorize(Permission.campaigns_write))]
_FIRST_DAY, _LAST_DAY = date(2000, 1, 1), date(2199, 12, 31)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=SHANGHAI)


@router.get("/deadlines", operation_id="listDeadlines")
async def list_deadlines(
    session: SessionDep,
    principal: Reader,
    limit: Limit = 50,
    cursor: Cursor = None,
    case_id: uuid.UUID | None = None,
    kind: Annotated[list[DeadlineRuleKind] | None, Query(description="Any of these")] = None,
    status: Annotated[list[DeadlineStatus] | None, Query(description="Any of these")] = None,
    responsible_user_id: uuid.UUID | None = None,
    responsible_unit_id: uuid.UUID | None = None,
    due_before: Annotated[
        date | None,
        Query(ge=_FIRST_DAY, le=_LAST_DAY, description="Due before this day begins"),
        Years(2000, 2199),
    ] = None,
    due_after: Annotated[
        date | None,
        Query(ge=_FIRST_DAY, le=_LAST_DAY, description="Due on or after this day"),
        Years(2000, 2199),
    ] = None,
    overdue: Annotated[
        bool | None, Query(description="true: past due and still running (marked or not)")
    ] = None,
    updated_after: AwareDatetime | None = None,
) -> Page[DeadlineOut]:
    """Deadlines of the cases (and, for leaders, office and observers, the campaigns) the
    caller may see, nearest due first."""
    filters = DeadlineFilters(
        case_id=case_id,
        kind=tuple(k.value for k in kind or ()),
        status=tuple(s.value for s in status or ()),
        responsible_user_id=responsible_user_id,
        responsible_unit_id=responsible_unit_id,
        due_before=_day_start(due_before) if due_before else None,
        due_after=_day_start(due_after) if due_after else None,
        overdue_at=clock.now() if overdue else None,
        updated_after=updated_after,
    )
    return await listing.list_deadlines(session, principal, filters, cursor=cursor, limit=limit)


@router.get("/deadlines/{deadline_id}", operation_id="getDeadline")
async def get_deadline(
    deadline_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> DeadlineDetail:
    """One deadline, with what the worker did to it (overdue, reminders, escalations)."""
    deadline = await service.get(session, principal, deadline_id)
    set_etag(response, deadline.version)
    return to_detail(deadline, await listing.steps(session, deadline.id))


async def _answer(response: Response, out: DeadlineOut) -> DeadlineOut:
    set_etag(response, out.version)
    return out


@router.post("/deadlines/{deadline_id}/pause", operation_id="pauseDeadline")
async def pause_deadline(
    deadline_id: uuid.UUID,
    body: ClockReason,
    session: SessionDep,
    principal: Worker,
    response: Response,
    expected_version: OptionalIfMatch,
) -> DeadlineOut:
    """Stop the clock (a review's hearing pending, say); 409 when paused, overdue or closed."""
    d = await service.pause(session, principal, deadline_id, body.reason, expected_version)
    return await _answer(response, to_out(d))


@router.post("/deadlines/{deadline_id}/resume", operation_id="resumeDeadline")
async def resume_deadline(
    deadline_id: uuid.UUID,
    body: ClockReason,
    session: SessionDep,
    principal: Worker,
    response: Response,
    expected_version: OptionalIfMatch,
) -> DeadlineOut:
    """Run the clock again; the paused days are added to the last day."""
    d = await service.resume(session, principal, deadline_id, body.reason, expected_version)
    return await _answer(response, to_out(d))


@router.post("/deadlines/{deadline_id}/extend", operation_id="extendDeadline")
async def extend_deadline(
    deadline_id: uuid.UUID,
    body: ClockExtend,
    session: SessionDep,
    principal: Approver,
    response: Response,
    expected_version: OptionalIfMatch,
) -> DeadlineOut:
    """The one extension, approved by the calling leader, with the reason (to be told to the
    petitioner); 409 `deadline_already_extended` for a second, `deadline_extension_too_long`
    beyond the rule's maximum."""
    d = await service.extend(
        session, principal, deadline_id, body.days, body.reason, expected_version
    )
    return await _answer(response, to_out(d))


@router.post("/deadlines/{deadline_id}/meet", operation_id="meetDeadline")
async def meet_deadline(
    deadline_id: uuid.UUID,
    body: ClockClose,
    session: SessionDep,
    principal: Worker,
    response: Response,
    expected_version: OptionalIfMatch,
) -> DeadlineOut:
    """Record it done: `met`, or `met_late` when past due."""
    d = await service.meet(session, principal, deadline_id, body.note, expected_version)
    return await _answer(response, to_out(d))


@router.post("/deadlines/{deadline_id}/waive", operation_id="waiveDeadline")
async def waive_deadline(
    deadline_id: uuid.UUID,
    body: ClockReason,
    session: SessionDep,
    principal: Approver,
    response: Response,
    expected_version: OptionalIfMatch,
) -> DeadlineOut:
    """No longer owed, by the calling leader's decision."""
    d = await service.waive(session, principal, deadline_id, body.reason, expected_version)
    return await _answer(response, to_out(d))


@router.get("/campaigns/{campaign_id}/deadline-rules", operation_id="listDeadlineRules")
async def list_deadline_rules(
    campaign_id: uuid.UUID, session: SessionDep, principal: RuleReader
) -> list[RuleOut]:
    """Every kind's rule as the campaign applies it: its own setting, else the default."""
    return await rules_service.list_rules(session, principal, campaign_id)


@router.put("/campaigns/{campaign_id}/deadline-rules/{kind}", operation_id="putDeadlineRule")
async def put_deadline_rule(
    campaign_id: uuid.UUID,
    kind: DeadlineRuleKind,
    body: RuleIn,
    session: SessionDep,
    principal: RuleWriter,
    expected_version: OptionalIfMatch,
) -> RuleOut:
    """The campaign's own setting of one kind's rule (clocks started later follow it). An
    `If-Match` is checked against the setting's version when one exists."""
    expected = expected_version
    return await rules_service.put_rule(session, principal, campaign_id, kind, body, expected)
