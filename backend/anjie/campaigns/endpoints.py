from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.campaigns import service
from anjie.campaigns.schemas import CampaignCreate, CampaignOut, CampaignUpdate
from anjie.core.concurrency import IfMatch, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Cursor, Limit, Page, page_of

router = APIRouter(prefix="/campaigns", tags=["campaigns"])

Reader = Annotated[Principal, Depends(Authorize(Permission.campaigns_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.campaigns_write))]


@router.get("", operation_id="listCampaigns")
async def list_campaigns(
    session: SessionDep, principal: Reader, limit: Limit = 50, cursor: Cursor = None
) -> Page[CampaignOut]:
    rows = await service.list_campaigns(session, principal, cursor=cursor, limit=limit)
    page = page_of(list(rows), limit, lambda c: [str(c.id)])
    return Page[CampaignOut](
        items=[service.to_out(c) for c in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createCampaign")
async def create_campaign(
    body: CampaignCreate, session: SessionDep, principal: Writer, response: Response
) -> CampaignOut:
    campaign = await service.create(session, principal, body)
    set_etag(response, campaign.version)
    return service.to_out(campaign)


@router.get("/{campaign_id}", operation_id="getCampaign")
async def get_campaign(
    campaign_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> CampaignOut:
    campaign = await service.get(session, principal, campaign_id)
    set_etag(response, campaign.version)
    return service.to_out(campaign)


@router.patch("/{campaign_id}", operation_id="updateCampaign")
async def update_campaign(
    campaign_id: uuid.UUID,
    body: CampaignUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> CampaignOut:
    campaign = await service.update(session, principal, campaign_id, body, expected_version)
    set_etag(response, campaign.version)
    return service.to_out(campaign)
