from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

import anjie.hearings.labels  # noqa: F401 - registers the hearing vocabulary for /meta/enums
from anjie.access.dependencies import Authorize, Public
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import IfMatch, OptionalIfMatch, etag, set_etag
from anjie.core.db import SessionDep
from anjie.core.i18n import negotiate
from anjie.core.pagination import Page
from anjie.hearings import ical, listing, service, workflow
from anjie.hearings.schemas import (
    CalendarTokenOut,
    HearingCancel,
    HearingCreate,
    HearingHold,
    HearingListQuery,
    HearingOut,
    HearingPostpone,
    HearingReschedule,
    HearingUpdate,
)
from anjie.idempotency.dependencies import Idempotency

router = APIRouter(prefix="/hearings", tags=["hearings"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.hearings_write))]
# Any signed-in user may subscribe to their own hearings.
Self = Annotated[Principal, Depends(Authorize(Permission.self_write))]


# The calendar routes come before /{hearing_id}, which would otherwise claim their paths.
@router.post("/calendar-token", status_code=201, operation_id="createHearingCalendarToken")
async def create_calendar_token(
    request: Request, session: SessionDep, principal: Self
) -> CalendarTokenOut:
    """A new personal feed link (shown once); any earlier link of the caller stops working."""
    token, created_at = await ical.issue_token(session, principal)
    url = request.url_for("get_hearing_calendar").include_query_params(token=token)
    return CalendarTokenOut(token=token, feed_url=str(url), created_at=created_at)


@router.delete("/calendar-token", status_code=204, operation_id="revokeHearingCalendarToken")
async def revoke_calendar_token(session: SessionDep, principal: Self) -> Response:
    await ical.revoke_token(session, principal)
    return Response(status_code=204)


@router.get(
    "/calendar.ics",
    dependencies=[Public],
    operation_id="getHearingCalendar",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {"schema": {"type": "string"}}}}},
)
async def get_hearing_calendar(
    request: Request,
    session: SessionDep,
    token: Annotated[str, Query(min_length=1, max_length=200, description="The feed token")],
) -> Response:
    """The token holder's hearings (chair, clerk or participant; not cancelled) as iCalendar.
    Public because calendar apps cannot send a bearer token; the token opens only this feed."""
    body = await ical.feed(session, token, negotiate(request.headers.get("accept-language")))
    headers = {"Cache-Control": "private, no-store", "Content-Disposition": "inline"}
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get("", operation_id="listHearings")
async def list_hearings(
    session: SessionDep,
    principal: Reader,
    query: Annotated[HearingListQuery, Query()],
) -> Page[HearingOut]:
    """Hearings on the cases the caller may see, by start time; filters combine with AND."""
    return await listing.list_hearings(session, principal, query)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createHearing")
async def create_hearing(
    body: HearingCreate,
    request: Request,
    session: SessionDep,
    principal: Writer,
    idem: Idempotency,
    response: Response,
) -> HearingOut:
    """Book a hearing. 409 `chair_is_investigator`, `notice_too_late` (public hearings: 7 days),
    `hearing_conflict` (an official or the room is taken; `override_reason` books anyway)."""
    out = await service.create(session, principal, body)
    location = request.url_for("get_hearing", hearing_id=out.id).path
    headers = {"ETag": etag(out.version), "Location": location}
    response.headers.update(headers)
    await idem.store(201, out, headers)
    return out


@router.get("/{hearing_id}", operation_id="getHearing")
async def get_hearing(
    hearing_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> HearingOut:
    out = await service.get(session, principal, hearing_id)
    set_etag(response, out.version)
    return out


@router.patch("/{hearing_id}", operation_id="updateHearing")
async def update_hearing(
    hearing_id: uuid.UUID,
    body: HearingUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> HearingOut:
    """Change the arrangements (needs If-Match); the booking rules apply to the result."""
    out = await service.update(session, principal, hearing_id, body, expected_version)
    set_etag(response, out.version)
    return out


@router.post("/{hearing_id}/hold", operation_id="holdHearing")
async def hold_hearing(
    hearing_id: uuid.UUID,
    body: HearingHold,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> HearingOut:
    """Record that it took place, with the minutes (听证笔录) and outcome."""
    out = await workflow.hold(session, principal, hearing_id, body, expected_version)
    set_etag(response, out.version)
    return out


@router.post("/{hearing_id}/postpone", operation_id="postponeHearing")
async def postpone_hearing(
    hearing_id: uuid.UUID,
    body: HearingPostpone,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> HearingOut:
    """Postpone, saying why; the slot is released until /reschedule books a new one."""
    out = await workflow.postpone(session, principal, hearing_id, body, expected_version)
    set_etag(response, out.version)
    return out


@router.post("/{hearing_id}/reschedule", operation_id="rescheduleHearing")
async def reschedule_hearing(
    hearing_id: uuid.UUID,
    body: HearingReschedule,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> HearingOut:
    """Book a postponed hearing again, at a new time, under every booking rule."""
    expected = expected_version
    out = await workflow.reschedule(session, principal, hearing_id, body, expected)
    set_etag(response, out.version)
    return out


@router.post("/{hearing_id}/cancel", operation_id="cancelHearing")
async def cancel_hearing(
    hearing_id: uuid.UUID,
    body: HearingCancel,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> HearingOut:
    out = await workflow.cancel(session, principal, hearing_id, body, expected_version)
    set_etag(response, out.version)
    return out
