from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

import anjie.notices.labels  # noqa: F401 - registers the notice vocabulary for /meta/enums
from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import OptionalIfMatch, etag, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Page
from anjie.idempotency.dependencies import Idempotency
from anjie.notices import service
from anjie.notices.schemas import (
    NoticeClose,
    NoticeCreate,
    NoticeListQuery,
    NoticeOut,
    NoticeReturn,
    ReplyCreate,
)

router = APIRouter(prefix="/supervision-notices", tags=["supervision-notices"])

Reader = Annotated[Principal, Depends(Authorize(Permission.notices_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.notices_write))]
Replier = Annotated[Principal, Depends(Authorize(Permission.notices_reply))]


@router.get("", operation_id="listSupervisionNotices")
async def list_notices(
    session: SessionDep,
    principal: Reader,
    query: Annotated[NoticeListQuery, Query()],
) -> Page[NoticeOut]:
    """Notices on the cases the caller may see, newest first; filters combine with AND."""
    return await service.list_notices(session, principal, query)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="issueSupervisionNotice")
async def issue_notice(
    body: NoticeCreate,
    request: Request,
    session: SessionDep,
    principal: Writer,
    idem: Idempotency,
    response: Response,
) -> NoticeOut:
    """Issue a notice (督办通知书) from the caller's unit, numbered per unit and year; its reply
    deadline starts. 422 when an addressee does not hold the case or the date is not ahead."""
    out = await service.issue(session, principal, body)
    location = request.url_for("get_notice", notice_id=out.id).path
    headers = {"ETag": etag(out.version), "Location": location}
    response.headers.update(headers)
    await idem.store(201, out, headers)
    return out


@router.get("/{notice_id}", operation_id="getSupervisionNotice")
async def get_notice(
    notice_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> NoticeOut:
    out = await service.get(session, principal, notice_id)
    set_etag(response, out.version)
    return out


@router.post(
    "/{notice_id}/replies",
    status_code=status.HTTP_201_CREATED,
    operation_id="replyToSupervisionNotice",
)
async def reply_to_notice(
    notice_id: uuid.UUID,
    body: ReplyCreate,
    session: SessionDep,
    principal: Replier,
    response: Response,
    expected_version: OptionalIfMatch,
) -> NoticeOut:
    """Reply (反馈) while open or returned: the notice becomes replied, its deadline is met.
    403 `notice_not_addressed` unless an addressee or a holder of the case; the new reply is
    the last of `replies`."""
    expected = expected_version
    out = await service.reply(session, principal, notice_id, body, expected)
    set_etag(response, out.version)
    return out


@router.post("/{notice_id}/close", operation_id="closeSupervisionNotice")
async def close_notice(
    notice_id: uuid.UUID,
    body: NoticeClose,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> NoticeOut:
    """Accept the reply (办结); 409 `notice_state` unless replied."""
    expected = expected_version
    out = await service.close(session, principal, notice_id, body, expected)
    set_etag(response, out.version)
    return out


@router.post("/{notice_id}/return", operation_id="returnSupervisionNotice")
async def return_notice(
    notice_id: uuid.UUID,
    body: NoticeReturn,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: OptionalIfMatch,
) -> NoticeOut:
    """Send the reply back for another by a new date (a new reply deadline starts); 409
    `notice_state` unless replied."""
    expected = expected_version
    out = await service.return_(session, principal, notice_id, body, expected)
    set_etag(response, out.version)
    return out
