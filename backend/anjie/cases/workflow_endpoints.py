"""Case sub-resources of the workflow: its status machine and its timeline."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases import timeline, workflow
from anjie.cases.timeline import TimelineEntry
from anjie.cases.workflow_schemas import CaseTransitions, TransitionIn
from anjie.core.concurrency import OptionalIfMatch
from anjie.core.db import SessionDep
from anjie.core.i18n import negotiate
from anjie.core.pagination import Cursor, Limit, Page

router = APIRouter(prefix="/cases/{case_id}", tags=["cases"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Mover = Annotated[Principal, Depends(Authorize(Permission.cases_transition))]


@router.get("/transitions", operation_id="listCaseTransitions")
async def list_case_transitions(
    case_id: uuid.UUID, request: Request, session: SessionDep, principal: Reader
) -> CaseTransitions:
    """The case's status and the actions the caller may take now, each with its guards."""
    lang = negotiate(request.headers.get("accept-language"))
    return await workflow.available(session, principal, case_id, lang)


@router.post("/transitions", operation_id="transitionCase")
async def transition_case(
    case_id: uuid.UUID,
    body: TransitionIn,
    request: Request,
    session: SessionDep,
    principal: Mover,
    expected_version: OptionalIfMatch,
) -> CaseTransitions:
    """Take an action (研判, 批准方案, …). `If-Match` with the case's version is optional; when
    sent, a stale version is refused with 412."""
    lang = negotiate(request.headers.get("accept-language"))
    expected = expected_version
    return await workflow.transition(session, principal, case_id, body, lang, expected)


@router.get("/timeline", operation_id="getCaseTimeline")
async def get_case_timeline(
    case_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[TimelineEntry]:
    """What happened to the case, newest first: a readable view over its audit events."""
    lang = negotiate(request.headers.get("accept-language"))
    return await timeline.page(session, principal, case_id, lang, cursor=cursor, limit=limit)
