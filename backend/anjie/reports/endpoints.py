from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

import anjie.reports.labels  # noqa: F401 - registers the deadline kinds for /meta/enums
from anjie.auth.dependencies import Authorize
from anjie.auth.permissions import Permission
from anjie.auth.principal import Principal
from anjie.cases.repository import CaseFilters
from anjie.core.db import SessionDep
from anjie.orgs import service as orgs
from anjie.reports import service
from anjie.reports.schemas import DeadlineItem, Summary

router = APIRouter(prefix="/reports", tags=["reports"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
CampaignId = Annotated[uuid.UUID | None, Query(description="Only this campaign's cases")]
UnitId = Annotated[uuid.UUID | None, Query(description="Only cases of this unit's subtree")]


async def _filters(
    session: SessionDep, principal: Principal, campaign_id: uuid.UUID | None, unit: uuid.UUID | None
) -> CaseFilters:
    if unit is not None:
        await orgs.get(session, principal, unit)  # 404 outside the caller's subtree
    return CaseFilters(campaign_id=campaign_id, org_unit_id=unit)


@router.get("/summary", operation_id="getReportSummary")
async def get_summary(
    session: SessionDep,
    principal: Reader,
    campaign_id: CampaignId = None,
    org_unit_id: UnitId = None,
) -> Summary:
    """Counts over the cases the caller may see: by status, category, receiving organ and unit,
    deadlines overdue and due within three days, the week's hearings, and the caller's tasks."""
    filters = await _filters(session, principal, campaign_id, org_unit_id)
    return await service.summary(session, principal, filters)


@router.get("/deadlines", operation_id="listUpcomingDeadlines")
async def list_deadlines(
    session: SessionDep,
    principal: Reader,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    campaign_id: CampaignId = None,
    org_unit_id: UnitId = None,
) -> list[DeadlineItem]:
    """The nearest deadlines, soonest (so overdue) first: relief steps with a clock and return
    visits due within three days, and hearings in the coming week."""
    filters = await _filters(session, principal, campaign_id, org_unit_id)
    return await service.deadlines(session, principal, filters, limit)
