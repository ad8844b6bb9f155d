"""A campaign's deadline rules: the defaults, and the settings its issuers give them."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.campaigns import service as campaigns
from anjie.campaigns.errors import CampaignNotFound
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.orgs import repository as orgs_repo
from anjie.supervision import repository as repo
from anjie.supervision.models import DeadlineRule
from anjie.supervision.rules import DEFAULTS, DeadlineRuleKind, effective
from anjie.supervision.schemas import RuleIn, RuleOut
from anjie.supervision.views import rule_out


async def list_rules(
    session: AsyncSession, principal: Principal, campaign_id: uuid.UUID
) -> list[RuleOut]:
    campaign = await campaigns.get(session, principal, campaign_id)
    overrides = await repo.overrides(session, campaign.id)
    return [
        rule_out(effective(kind, overrides.get(kind.value)), kind.value in overrides)
        for kind in DEFAULTS
    ]


async def put_rule(
    session: AsyncSession,
    principal: Principal,
    campaign_id: uuid.UUID,
    kind: DeadlineRuleKind,
    data: RuleIn,
    expected: int | None,
) -> RuleOut:
    campaign = await campaigns.get(session, principal, campaign_id)
    path = await orgs_repo.get_path(session, campaign.org_unit_id)
    if path is None or not path.startswith(principal.org_path):
        # Seen because it was issued above the caller; only its issuers set its rules.
        raise CampaignNotFound()
    row = await repo.override(session, campaign.id, kind.value, for_update=True)
    before = rule_out(effective(kind, row), row is not None).model_dump(mode="json")
    if row is None:
        row = DeadlineRule(campaign_id=campaign.id, kind=kind.value)
        session.add(row)
    elif expected is not None:
        check_version(expected, row.version)
    row.active, row.amount, row.unit = data.active, data.amount, data.unit.value
    row.reminder_lead_days = data.reminder_lead_days
    row.escalation_days = list(data.escalation_days)
    row.accountability_grace_days = data.accountability_grace_days
    row.max_extension_days = data.max_extension_days
    row.updated_by, row.updated_at = principal.id, clock.now()
    await session.flush()
    out = rule_out(effective(kind, row), True)
    await audit.record(
        session,
        principal,
        "deadline_rule.put",
        entity_type="deadline_rule",
        entity_id=f"{campaign.id}:{kind.value}",
        org_unit_id=campaign.org_unit_id,
        org_path=path,
        before=before,
        after=out.model_dump(mode="json"),
    )
    return out
