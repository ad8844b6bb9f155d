from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

import anjie.relief.labels  # noqa: F401 - registers the relief vocabulary for /meta/enums
from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import IfMatch, etag, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Page
from anjie.idempotency.dependencies import Idempotency
from anjie.relief import cap, service, workflow
from anjie.relief.guards import MOVES
from anjie.relief.models import ReliefAction
from anjie.relief.schemas import (
    ApproveAction,
    ReliefCreate,
    ReliefListQuery,
    ReliefOut,
    ReliefUpdate,
    StepAction,
    WageStandardIn,
    WageStandardOut,
)

router = APIRouter(tags=["relief"])
# Hardship proofs and the signed commitment are uploaded with owner_type relief_application.
APPS = "/relief-applications"
STANDARDS = "/relief-wage-standards/{province_code}/{year}"

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.relief_write))]
SignedIn = Annotated[Principal, Depends(Authorize(Permission.meta_read))]
ReferenceWriter = Annotated[Principal, Depends(Authorize(Permission.reference_write))]
Province = Annotated[
    str, Path(pattern=r"^[1-9][0-9]$", description="GB/T 2260 province code (51 = Sichuan)")
]
Year = Annotated[int, Path(ge=2000, le=2200)]


def _may(action: ReliefAction) -> Authorize:
    """A step's route guard: the permission the step machine (guards.py) gives the action, so
    the allowed actions listed with each application are the ones its routes let through."""
    return Authorize(MOVES[action].permission)


@router.get(APPS, operation_id="listReliefApplications")
async def list_relief_applications(
    session: SessionDep,
    principal: Reader,
    query: Annotated[ReliefListQuery, Query()],
) -> Page[ReliefOut]:
    """Applications on cases the caller may see, newest first, in keyset pages."""
    return await service.list_applications(session, principal, query)


@router.post(APPS, status_code=201, operation_id="createReliefApplication")
async def create_relief_application(
    body: ReliefCreate,
    request: Request,
    session: SessionDep,
    principal: Writer,
    idem: Idempotency,
    response: Response,
) -> ReliefOut:
    """Draft an application for a petitioner of the case (司法救助申请书)."""
    out = await service.create(session, principal, body)
    location = request.url_for("get_relief_application", application_id=out.id).path
    headers = {"ETag": etag(out.version), "Location": location}
    response.headers.update(headers)
    await idem.store(201, out, headers)
    return out


@router.get(APPS + "/{application_id}", operation_id="getReliefApplication")
async def get_relief_application(
    application_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ReliefOut:
    out = await service.get(session, principal, application_id)
    set_etag(response, out.version)
    return out


@router.patch(APPS + "/{application_id}", operation_id="updateReliefApplication")
async def update_relief_application(
    application_id: uuid.UUID,
    body: ReliefUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> ReliefOut:
    """Change a draft (needs If-Match); once submitted it only moves through its steps."""
    expected = expected_version
    out = await service.update(session, principal, application_id, body, expected)
    set_etag(response, out.version)
    return out


async def _step(
    session: SessionDep,
    principal: Principal,
    application_id: uuid.UUID,
    action: ReliefAction,
    body: StepAction,
    response: Response,
) -> ReliefOut:
    out = await workflow.act(session, principal, application_id, action, body)
    set_etag(response, out.version)
    return out


@router.post(APPS + "/{application_id}/submit", operation_id="submitReliefApplication")
async def submit_relief_application(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.submit))],
    response: Response,
) -> ReliefOut:
    """Draft → submitted; the unit's opinion is due in 10 working days."""
    return await _step(session, principal, application_id, ReliefAction.submit, body, response)


@router.post(APPS + "/{application_id}/unit-opinion", operation_id="giveReliefUnitOpinion")
async def give_relief_unit_opinion(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.unit_opinion))],
    response: Response,
) -> ReliefOut:
    """Submitted → unit_opinion (申报单位审核意见); the review is due in 10 working days."""
    return await _step(
        session, principal, application_id, ReliefAction.unit_opinion, body, response
    )


@router.post(APPS + "/{application_id}/review", operation_id="reviewReliefApplication")
async def review_relief_application(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.review))],
    response: Response,
) -> ReliefOut:
    """Unit_opinion → reviewed (审核意见); next a leader decides."""
    return await _step(session, principal, application_id, ReliefAction.review, body, response)


@router.post(APPS + "/{application_id}/approve", operation_id="approveReliefApplication")
async def approve_relief_application(
    application_id: uuid.UUID,
    body: ApproveAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.approve))],
    response: Response,
) -> ReliefOut:
    """A leader other than the submitter and the reviewer approves. Above the cap only as
    `exceptional`, which then needs a second, different leader to approve too."""
    out = await workflow.approve(session, principal, application_id, body)
    set_etag(response, out.version)
    return out


@router.post(APPS + "/{application_id}/reject", operation_id="rejectReliefApplication")
async def reject_relief_application(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.reject))],
    response: Response,
) -> ReliefOut:
    """A leader refuses relief; the opinion is the explanation given to the applicant."""
    return await _step(session, principal, application_id, ReliefAction.reject, body, response)


@router.post(APPS + "/{application_id}/disburse", operation_id="disburseReliefApplication")
async def disburse_relief_application(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.disburse))],
    response: Response,
) -> ReliefOut:
    """Approved → disbursed; the applicant must be notified within 2 working days."""
    return await _step(session, principal, application_id, ReliefAction.disburse, body, response)


@router.post(APPS + "/{application_id}/notify", operation_id="notifyReliefApplicant")
async def notify_relief_applicant(
    application_id: uuid.UUID,
    body: StepAction,
    session: SessionDep,
    principal: Annotated[Principal, Depends(_may(ReliefAction.notify))],
    response: Response,
) -> ReliefOut:
    """Disbursed → notified: the applicant has been told."""
    return await _step(session, principal, application_id, ReliefAction.notify, body, response)


@router.get(STANDARDS, operation_id="getReliefWageStandard")
async def get_relief_wage_standard(
    province_code: Province, year: Year, session: SessionDep, principal: SignedIn
) -> WageStandardOut:
    """A province's average monthly wage for a year and the cap it gives (wage × multiple)."""
    return await cap.get_standard(session, province_code, year)


@router.put(STANDARDS, operation_id="putReliefWageStandard")
async def put_relief_wage_standard(
    province_code: Province,
    year: Year,
    body: WageStandardIn,
    session: SessionDep,
    principal: ReferenceWriter,
) -> WageStandardOut:
    """Enter or correct the figure; applications already approved keep the cap they used."""
    return await cap.put_standard(session, principal, province_code, year, body)
