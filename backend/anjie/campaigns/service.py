"""Campaigns (专项活动): scope cut-off, target, phases; several may run side by side."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.campaigns import repository as repo
from anjie.campaigns.errors import CampaignNotFound
from anjie.campaigns.events import CampaignSaved
from anjie.campaigns.models import Campaign, CampaignPhase, Phase
from anjie.campaigns.schemas import CampaignCreate, CampaignOut, CampaignUpdate, PhaseIn, PhaseOut
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import decode_id_cursor
from anjie.orgs import repository as orgs_repo
from anjie.orgs.errors import OrgUnitNotFound


def current_phase(campaign: Campaign, today: date | None = None) -> Phase | None:
    day = today or clock.today()
    for phase in campaign.phases:
        if phase.starts_on <= day <= phase.ends_on:
            return Phase(phase.phase)
    return None


def to_out(c: Campaign) -> CampaignOut:
    return CampaignOut(
        id=c.id,
        org_unit_id=c.org_unit_id,
        name=c.name,
        document_reference=c.document_reference,
        cutoff_date=c.cutoff_date,
        resolution_target=c.resolution_target,
        self_inspection_due=c.self_inspection_due,
        phases=[
            PhaseOut(phase=Phase(p.phase), starts_on=p.starts_on, ends_on=p.ends_on)
            for p in c.phases
        ],
        current_phase=current_phase(c),
        version=c.version,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


def _snapshot(c: Campaign) -> dict[str, Any]:
    return to_out(c).model_dump(mode="json", exclude={"created_at", "updated_at", "version"})


def _phases(phases: list[PhaseIn]) -> list[CampaignPhase]:
    return [
        CampaignPhase(phase=p.phase.value, starts_on=p.starts_on, ends_on=p.ends_on) for p in phases
    ]


async def get(session: AsyncSession, principal: Principal, campaign_id: uuid.UUID) -> Campaign:
    campaign = await repo.get_visible(session, principal, campaign_id)
    if campaign is None:
        raise CampaignNotFound()
    return campaign


async def list_campaigns(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> Sequence[Campaign]:
    after = decode_id_cursor(cursor)
    return await repo.list_visible(session, principal, after_id=after, limit=limit + 1)


async def create(session: AsyncSession, principal: Principal, data: CampaignCreate) -> Campaign:
    unit = await orgs_repo.get_in_scope(
        session, data.org_unit_id or principal.org_unit_id, principal.org_path
    )
    if unit is None:
        raise OrgUnitNotFound()
    campaign = Campaign(
        id=uuid7(),
        org_unit_id=unit.id,
        name=data.name,
        document_reference=data.document_reference,
        cutoff_date=data.cutoff_date,
        resolution_target=data.resolution_target,
        self_inspection_due=data.self_inspection_due,
        phases=_phases(data.phases),
    )
    session.add(campaign)
    await session.flush()
    campaign = await get(session, principal, campaign.id)
    await audit.record(
        session,
        principal,
        "campaign.create",
        entity_type="campaign",
        entity_id=campaign.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        after=_snapshot(campaign),
    )
    await publish(session, _saved(principal, campaign))
    return campaign


def _saved(principal: Principal, campaign: Campaign) -> CampaignSaved:
    census = next((p for p in campaign.phases if p.phase == Phase.census), None)
    return CampaignSaved(
        campaign_id=campaign.id,
        org_unit_id=campaign.org_unit_id,
        actor_id=principal.id,
        resolution_target=campaign.resolution_target,
        census_ends_on=census.ends_on if census else None,
        self_inspection_due=campaign.self_inspection_due,
    )


async def update(
    session: AsyncSession,
    principal: Principal,
    campaign_id: uuid.UUID,
    data: CampaignUpdate,
    expected_version: int,
) -> Campaign:
    campaign = await repo.get_visible(session, principal, campaign_id, for_update=True)
    if campaign is None:
        raise CampaignNotFound()
    path = await orgs_repo.get_path(session, campaign.org_unit_id)
    if path is None or not path.startswith(principal.org_path):
        # Visible because it was issued above the caller; only its issuers may change it.
        raise CampaignNotFound()
    check_version(expected_version, campaign.version)
    before = _snapshot(campaign)
    for field, value in data.changes(exclude={"phases"}).items():
        setattr(campaign, field, value)
    if data.phases is not None:
        campaign.phases = _phases(data.phases)
    await session.flush()
    session.expunge(campaign)
    campaign = await get(session, principal, campaign_id)
    await audit.record(
        session,
        principal,
        "campaign.update",
        entity_type="campaign",
        entity_id=campaign.id,
        org_unit_id=campaign.org_unit_id,
        org_path=path,
        before=before,
        after=_snapshot(campaign),
    )
    await publish(session, _saved(principal, campaign))
    return campaign
