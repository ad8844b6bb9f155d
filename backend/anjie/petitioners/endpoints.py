from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import IfMatch, set_etag
from anjie.core.crypto import CipherDep
from anjie.core.db import SessionDep
from anjie.core.pagination import Page, page_of
from anjie.petitioners import service
from anjie.petitioners.schemas import (
    IdNumberSearch,
    PetitionerCreate,
    PetitionerListQuery,
    PetitionerOut,
    PetitionerUpdate,
    Revealed,
    RevealRequest,
)

router = APIRouter(prefix="/petitioners", tags=["petitioners"])

Reader = Annotated[Principal, Depends(Authorize(Permission.petitioners_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.petitioners_write))]
Revealer = Annotated[Principal, Depends(Authorize(Permission.pii_reveal))]


@router.get("", operation_id="listPetitioners")
async def list_petitioners(
    session: SessionDep,
    principal: Reader,
    query: Annotated[PetitionerListQuery, Query()],
) -> Page[PetitionerOut]:
    rows = await service.list_petitioners(session, principal, query)
    page = page_of(list(rows), query.limit, lambda p: [str(p.id)])
    return Page[PetitionerOut](
        items=[service.to_out(p) for p in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createPetitioner")
async def create_petitioner(
    body: PetitionerCreate,
    session: SessionDep,
    principal: Writer,
    cipher: CipherDep,
    response: Response,
) -> PetitionerOut:
    p = await service.create(session, principal, cipher, body)
    set_etag(response, p.version)
    return service.to_out(p)


@router.post("/search", operation_id="searchPetitionersByIdNumber")
async def search_petitioners(
    body: IdNumberSearch, session: SessionDep, principal: Reader, cipher: CipherDep
) -> list[PetitionerOut]:
    """Exact lookup by ID number (blind index); the number travels in the body, not the URL."""
    rows = await service.search_by_id_number(session, principal, cipher, body.id_number)
    return [service.to_out(p) for p in rows]


@router.get("/{petitioner_id}", operation_id="getPetitioner")
async def get_petitioner(
    petitioner_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> PetitionerOut:
    p = await service.get(session, principal, petitioner_id)
    set_etag(response, p.version)
    return service.to_out(p)


@router.patch("/{petitioner_id}", operation_id="updatePetitioner")
async def update_petitioner(
    petitioner_id: uuid.UUID,
    body: PetitionerUpdate,
    session: SessionDep,
    principal: Writer,
    cipher: CipherDep,
    response: Response,
    expected_version: IfMatch,
) -> PetitionerOut:
    p = await service.update(session, principal, cipher, petitioner_id, body, expected_version)
    set_etag(response, p.version)
    return service.to_out(p)


@router.post("/{petitioner_id}/reveal", operation_id="revealPetitioner")
async def reveal_petitioner(
    petitioner_id: uuid.UUID,
    body: RevealRequest,
    session: SessionDep,
    principal: Revealer,
    cipher: CipherDep,
    response: Response,
) -> Revealed:
    """Full ID number and phone, with a reason; audited as `pii.reveal`."""
    response.headers["Cache-Control"] = "no-store"
    return await service.reveal(session, principal, cipher, petitioner_id, body.reason)
