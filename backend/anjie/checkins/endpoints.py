from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

import anjie.checkins.labels  # noqa: F401 - registers the check-in vocabulary for /meta/enums
from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.checkins import service
from anjie.checkins.dependencies import VisitKey
from anjie.checkins.schemas import (
    CaseCheckInListQuery,
    CheckInCreate,
    CheckInListQuery,
    CheckInOut,
)
from anjie.core.db import SessionDep
from anjie.core.pagination import Page
from anjie.idempotency.dependencies import RequiredIdempotency

router = APIRouter(tags=["checkins"])

# Photos of a visit are attachments owned by the check-in; they follow its case's visibility.

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.checkins_write))]


@router.post(
    "/cases/{case_id}/check-ins",
    status_code=status.HTTP_201_CREATED,
    operation_id="createCaseCheckIn",
)
async def create_case_check_in(
    case_id: uuid.UUID,
    body: CheckInCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    # Order matters: the permission is checked first, then the key's form, then its replay.
    principal: Writer,
    key: VisitKey,
    idem: RequiredIdempotency,
) -> CheckInOut:
    """Record a return visit (回访). `Idempotency-Key` is required: the UUID the phone generated
    when it captured the visit. Re-sending it with the same body returns the stored answer."""
    out = await service.record(session, principal, case_id, key, body)
    headers = {"Location": request.url_for("get_check_in", check_in_id=out.id).path}
    response.headers.update(headers)
    # Last, in the same transaction: a retry with the key gets exactly this answer back.
    await idem.store(status.HTTP_201_CREATED, out, headers)
    return out


@router.get("/cases/{case_id}/check-ins", operation_id="listCaseCheckIns")
async def list_case_check_ins(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    query: Annotated[CaseCheckInListQuery, Query()],
) -> Page[CheckInOut]:
    """The case's return visits, newest first, in keyset pages."""
    return await service.list_for_case(session, principal, case_id, query)


@router.get("/check-ins", operation_id="listCheckIns")
async def list_check_ins(
    session: SessionDep,
    principal: Reader,
    query: Annotated[CheckInListQuery, Query()],
) -> Page[CheckInOut]:
    """Return visits on the cases the caller may see; filters combine with AND."""
    return await service.list_check_ins(session, principal, query)


@router.get("/check-ins/{check_in_id}", operation_id="getCheckIn")
async def get_check_in(
    check_in_id: uuid.UUID, session: SessionDep, principal: Reader
) -> CheckInOut:
    return await service.get(session, principal, check_in_id)
