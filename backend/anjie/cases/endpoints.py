from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import AwareDatetime

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases import service
from anjie.cases.enums import CaseStatus, Category, ReceivingOrgan, RiskLevel, ThreeCrossFlag
from anjie.cases.listing import DEFAULT_SORT, SortName
from anjie.cases.repository import CaseFilters
from anjie.cases.schemas import CaseCreate, CaseOut, CaseUpdate
from anjie.core.concurrency import etag, if_match_version, set_etag
from anjie.core.crypto import CipherDep
from anjie.core.db import SessionDep
from anjie.core.pagination import Cursor, Limit, Page
from anjie.idempotency.dependencies import Idempotency

router = APIRouter(prefix="/cases", tags=["cases"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Creator = Annotated[Principal, Depends(Authorize(Permission.cases_create))]
Writer = Annotated[Principal, Depends(Authorize(Permission.cases_write))]


@router.get("", operation_id="listCases")
async def list_cases(
    session: SessionDep,
    principal: Reader,
    limit: Limit = 50,
    cursor: Cursor = None,
    sort: SortName = DEFAULT_SORT,
    status: Annotated[list[CaseStatus] | None, Query(description="Any of these")] = None,
    category: Category | None = None,
    receiving_organ: ReceivingOrgan | None = None,
    org_unit_id: Annotated[uuid.UUID | None, Query(description="This unit's subtree")] = None,
    responsible_person_id: uuid.UUID | None = None,
    responsible_leader_id: uuid.UUID | None = None,
    risk_level: RiskLevel | None = None,
    three_cross_flag: Annotated[
        list[ThreeCrossFlag] | None, Query(description="All of these flags")
    ] = None,
    sensitive_period: bool | None = None,
    threat_recorded: bool | None = None,
    in_scope: bool | None = None,
    campaign_id: uuid.UUID | None = None,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Text in the number, title or demands; empty: all"),
    ] = None,
    updated_after: AwareDatetime | None = None,
) -> Page[CaseOut]:
    """Cases the caller may see, in keyset pages; filters combine with AND."""
    filters = CaseFilters(
        status=[s.value for s in status or ()],
        category=category,
        receiving_organ=receiving_organ,
        org_unit_id=org_unit_id,
        responsible_person_id=responsible_person_id,
        responsible_leader_id=responsible_leader_id,
        risk_level=risk_level,
        three_cross_flags=[f.value for f in three_cross_flag or ()],
        sensitive_period=sensitive_period,
        threat_recorded=threat_recorded,
        in_scope=in_scope,
        campaign_id=campaign_id,
        q=q,
        updated_after=updated_after,
    )
    return await service.list_cases(
        session, principal, filters, sort=sort, cursor=cursor, limit=limit
    )


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
    request: Request,
    session: SessionDep,
    principal: Writer,
    cipher: CipherDep,
    response: Response,
) -> CaseOut:
    """Correct a case's data (needs If-Match); status and outcome change through transitions."""
    out = await service.update(session, principal, cipher, case_id, body, if_match_version(request))
    set_etag(response, out.version)
    return out
