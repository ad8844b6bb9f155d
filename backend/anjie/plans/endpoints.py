from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.db import SessionDep
from anjie.plans import service
from anjie.plans.schemas import PlanApprove, PlanIn, PlanOut, PlanReturn, PlanVersionList

router = APIRouter(prefix="/cases/{case_id}/plan", tags=["plans"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.plans_write))]
Approver = Annotated[Principal, Depends(Authorize(Permission.plans_approve))]


@router.get("", operation_id="getCasePlan")
async def get_case_plan(case_id: uuid.UUID, session: SessionDep, principal: Reader) -> PlanOut:
    """The newest version of the case's plan (its status says whether it is decided)."""
    return await service.get_current(session, principal, case_id)


@router.get("/versions", operation_id="listCasePlanVersions")
async def list_case_plan_versions(
    case_id: uuid.UUID, session: SessionDep, principal: Reader
) -> PlanVersionList:
    return PlanVersionList(items=await service.list_versions(session, principal, case_id))


@router.put("", operation_id="saveCasePlan")
async def save_case_plan(
    case_id: uuid.UUID, body: PlanIn, session: SessionDep, principal: Writer
) -> PlanOut:
    """Save the plan as a new draft version (earlier versions are kept). Refused while a
    submitted version awaits a decision."""
    return await service.save(session, principal, case_id, body)


@router.post("/submit", operation_id="submitCasePlan")
async def submit_case_plan(case_id: uuid.UUID, session: SessionDep, principal: Writer) -> PlanOut:
    """Submit the current draft for a leader's decision; all five fixes must be filled in."""
    return await service.submit(session, principal, case_id)


@router.post("/approve", operation_id="approveCasePlan")
async def approve_case_plan(
    case_id: uuid.UUID, body: PlanApprove, session: SessionDep, principal: Approver
) -> PlanOut:
    """A leader other than the version's author approves it (four eyes)."""
    return await service.approve(session, principal, case_id, body)


@router.post("/return", operation_id="returnCasePlan")
async def return_case_plan(
    case_id: uuid.UUID, body: PlanReturn, session: SessionDep, principal: Approver
) -> PlanOut:
    """Send the submitted plan back to its author, saying why."""
    return await service.return_plan(session, principal, case_id, body)
