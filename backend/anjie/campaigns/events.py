"""Facts of campaigns."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from anjie.core.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class CampaignSaved(DomainEvent):
    """A campaign was created or changed: its dates are what they now say."""

    name = "campaign.saved"
    campaign_id: uuid.UUID
    org_unit_id: uuid.UUID
    actor_id: uuid.UUID | None
    resolution_target: date
    census_ends_on: date | None
    self_inspection_due: date | None
