from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import IfMatch, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Page, page_of
from anjie.orgs import service
from anjie.orgs.schemas import OrgUnitCreate, OrgUnitListQuery, OrgUnitOut, OrgUnitUpdate

router = APIRouter(prefix="/org-units", tags=["org-units"])

Reader = Annotated[Principal, Depends(Authorize(Permission.orgs_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.orgs_write))]


@router.get("", operation_id="listOrgUnits")
async def list_org_units(
    session: SessionDep,
    principal: Reader,
    query: Annotated[OrgUnitListQuery, Query()],
) -> Page[OrgUnitOut]:
    """Units in the caller's subtree, depth-first."""
    rows = await service.list_units(session, principal, query)
    page = page_of(list(rows), query.limit, lambda unit: [unit.path])
    return Page[OrgUnitOut](
        items=[service.to_out(u) for u in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createOrgUnit")
async def create_org_unit(
    body: OrgUnitCreate, session: SessionDep, principal: Writer, response: Response
) -> OrgUnitOut:
    unit = await service.create(session, principal, body)
    set_etag(response, unit.version)
    return service.to_out(unit)


@router.get("/{unit_id}", operation_id="getOrgUnit")
async def get_org_unit(
    unit_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> OrgUnitOut:
    unit = await service.get(session, principal, unit_id)
    set_etag(response, unit.version)
    return service.to_out(unit)


@router.patch("/{unit_id}", operation_id="updateOrgUnit")
async def update_org_unit(
    unit_id: uuid.UUID,
    body: OrgUnitUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> OrgUnitOut:
    unit = await service.update(session, principal, unit_id, body, expected_version)
    set_etag(response, unit.version)
    return service.to_out(unit)


@router.delete("/{unit_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="deleteOrgUnit")
async def delete_org_unit(
    unit_id: uuid.UUID,
    session: SessionDep,
    principal: Writer,
    expected_version: IfMatch,
) -> None:
    await service.delete(session, principal, unit_id, expected_version)
