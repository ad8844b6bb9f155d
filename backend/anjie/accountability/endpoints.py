"""Accountability records (责任倒查): opened by the office or a leader, or by the worker when a
deadline is past its grace; decided once by a leader who is not concerned."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.accountability import service
from anjie.accountability.repository import RecordFilters
from anjie.accountability.schemas import RecordDecide, RecordListQuery, RecordOpen, RecordOut
from anjie.accountability.views import to_out
from anjie.core.concurrency import set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Page, decode_id_cursor, page_of

router = APIRouter(prefix="/accountability-records", tags=["accountability"])
Reader = Annotated[Principal, Depends(Authorize(Permission.accountability_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.accountability_write))]
Decider = Annotated[Principal, Depends(Authorize(Permission.accountability_decide))]


@router.get("", operation_id="listAccountabilityRecords")
async def list_records(
    session: SessionDep, principal: Reader, query: Annotated[RecordListQuery, Query()]
) -> Page[RecordOut]:
    """Records on the cases the caller may see, newest first."""
    filters = RecordFilters(
        case_id=query.case_id, status=query.status.value if query.status else None
    )
    rows = await service.list_records(
        session,
        principal,
        filters,
        before=decode_id_cursor(query.cursor),
        limit=query.limit + 1,
    )
    page = page_of(list(rows), query.limit, lambda r: [str(r.id)])
    return Page[RecordOut](items=[to_out(r) for r in page.items], next_cursor=page.next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="openAccountabilityRecord")
async def open_record(
    body: RecordOpen, session: SessionDep, principal: Writer, response: Response
) -> RecordOut:
    """Open a review of missed deadlines of one case; the persons are those who held the case
    when each deadline passed. A case the caller cannot see is 404; a deadline not on it 422."""
    record = await service.open_by_hand(
        session, principal, body.case_id, body.deadline_ids, body.finding
    )
    response.headers["Location"] = f"/api/v1/accountability-records/{record.id}"
    set_etag(response, record.version)
    return to_out(record)


@router.get("/{record_id}", operation_id="getAccountabilityRecord")
async def get_record(
    record_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> RecordOut:
    record = await service.get(session, principal, record_id)
    set_etag(response, record.version)
    return to_out(record)


@router.post("/{record_id}/decide", operation_id="decideAccountabilityRecord")
async def decide_record(
    record_id: uuid.UUID,
    body: RecordDecide,
    session: SessionDep,
    principal: Decider,
    response: Response,
) -> RecordOut:
    """A leader's decision, once: 409 `accountability_decided` the second time, 409
    `accountability_decider_concerned` when the leader is among the persons concerned."""
    record = await service.decide(
        session, principal, record_id, body.decision, body.finding, body.note
    )
    set_etag(response, record.version)
    return to_out(record)
