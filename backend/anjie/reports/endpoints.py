from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases.repository import CaseFilters
from anjie.core.db import SessionDep
from anjie.orgs import service as orgs
from anjie.reports import service
from anjie.reports.schemas import DeadlineItem, DeadlineQuery, ReportQuery, Summary

router = APIRouter(prefix="/reports", tags=["reports"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]


async def _filters(
    session: SessionDep, principal: Principal, query: ReportQuery | DeadlineQuery
) -> CaseFilters:
    if query.org_unit_id is not None:
        await orgs.get(session, principal, query.org_unit_id)  # 404 outside the caller's subtree
    return CaseFilters(campaign_id=query.campaign_id, org_unit_id=query.org_unit_id)


@router.get("/summary", operation_id="getReportSummary")
async def get_summary(
    session: SessionDep,
    principal: Reader,
    query: Annotated[ReportQuery, Query()],
) -> Summary:
    """Counts over the cases the caller may see: by status, category, receiving organ and unit,
    deadlines overdue and due within three days, the week's hearings, and the caller's tasks."""
    filters = await _filters(session, principal, query)
    return await service.summary(session, principal, filters)


@router.get("/deadlines", operation_id="listUpcomingDeadlines")
async def list_deadlines(
    session: SessionDep,
    principal: Reader,
    query: Annotated[DeadlineQuery, Query()],
) -> list[DeadlineItem]:
    """The nearest deadlines, soonest (so overdue) first: relief steps with a clock and return
    visits due within three days, and hearings in the coming week."""
    filters = await _filters(session, principal, query)
    return await service.deadlines(session, principal, filters, query.limit)
