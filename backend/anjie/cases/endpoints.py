from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases import service
from anjie.cases.schemas import CaseCreate, CaseListQuery, CaseOut, CaseUpdate
from anjie.core.concurrency import IfMatch, etag, set_etag
from anjie.core.crypto import CipherDep
from anjie.core.db import SessionDep
from anjie.core.pagination import Page
from anjie.idempotency.dependencies import Idempotency

router = APIRouter(prefix="/cases", tags=["cases"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Creator = Annotated[Principal, Depends(Authorize(Permission.cases_create))]
Writer = Annotated[Principal, Depends(Authorize(Permission.cases_write))]


@router.get("", operation_id="listCases")
async def list_cases(
    session: SessionDep,
    principal: Reader,
    query: Annotated[CaseListQuery, Query()],
) -> Page[CaseOut]:
    """Cases the caller may see, in keyset pages; filters combine with AND."""
    return await service.list_cases(session, principal, query)


@router.post("", status_code=201, operation_id="createCase")
async def create_case(
    body: CaseCreate,
    request: Request,
    session: SessionDep,
    principal: Creator,
    idem: Idempotency,
    cipher: CipherDep,
    response: Response,
) -> CaseOut:
    """Register a case; it is numbered `{unit code}-{year}-{sequence}` in its unit."""
    out = await service.create(session, principal, cipher, body)
    location = request.url_for("get_case", case_id=out.id).path
    headers = {"ETag": etag(out.version), "Location": location}
    response.headers.update(headers)
    # Last, in the same transaction: a retry with the key gets exactly this answer back.
    await idem.store(201, out, headers)
    return out


@router.get("/{case_id}", operation_id="getCase")
async def get_case(
    case_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> CaseOut:
    out = await service.get(session, principal, case_id)
    set_etag(response, out.version)
    return out


@router.patch("/{case_id}", operation_id="updateCase")
async def update_case(
    case_id: uuid.UUID,
    body: CaseUpdate,
    session: SessionDep,
    principal: Writer,
    cipher: CipherDep,
    response: Response,
    expected_version: IfMatch,
) -> CaseOut:
    """Correct a case's data (needs If-Match); status and outcome change through transitions."""
    out = await service.update(session, principal, cipher, case_id, body, expected_version)
    set_etag(response, out.version)
    return out
