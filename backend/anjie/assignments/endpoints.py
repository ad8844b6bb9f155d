from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.assignments import service
from anjie.assignments.schemas import AssignmentCreate, AssignmentEnd, AssignmentList, AssignmentOut
from anjie.core.db import SessionDep
from anjie.idempotency.dependencies import Idempotency

router = APIRouter(prefix="/cases/{case_id}/assignments", tags=["assignments"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.assignments_write))]


@router.get("", operation_id="listCaseAssignments")
async def list_case_assignments(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    active: Annotated[
        bool | None, Query(description="true: current holders only; false: history only")
    ] = None,
) -> AssignmentList:
    """包案: current holders first, then the ended ones (from/to, by whom, why)."""
    items = await service.list_assignments(session, principal, case_id, active=active)
    return AssignmentList(items=items)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createCaseAssignment")
async def create_case_assignment(
    case_id: uuid.UUID,
    body: AssignmentCreate,
    session: SessionDep,
    principal: Writer,
    gate: Idempotency,
) -> AssignmentOut:
    """Assign a role on the case. For a single-holder role the current holder is ended in the
    same transaction, with this request's reason as the end reason."""
    out = await service.assign(session, principal, case_id, body)
    await gate.store(status.HTTP_201_CREATED, out)
    return out


@router.post("/{assignment_id}/end", operation_id="endCaseAssignment")
async def end_case_assignment(
    case_id: uuid.UUID,
    assignment_id: uuid.UUID,
    body: AssignmentEnd,
    session: SessionDep,
    principal: Writer,
) -> AssignmentOut:
    return await service.end(session, principal, case_id, assignment_id, body)
