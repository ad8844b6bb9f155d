from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from anjie.core.schemas import ApiModel

CampaignId = Annotated[uuid.UUID | None, Field(description="Only this campaign's cases")]
UnitId = Annotated[uuid.UUID | None, Field(description="Only cases of this unit's subtree")]


class ReportQuery(BaseModel):
    campaign_id: CampaignId = None
    org_unit_id: UnitId = None


class DeadlineQuery(BaseModel):
    limit: Annotated[int, Field(ge=1, le=100)] = 20
    campaign_id: CampaignId = None
    org_unit_id: UnitId = None


class Bucket(ApiModel):
    key: str = Field(description="The enum value counted (see /meta/enums for its labels)")
    count: int


class UnitBucket(ApiModel):
    org_unit_id: uuid.UUID
    name: str
    count: int


class DeadlineCounts(ApiModel):
    overdue: int
    due_soon: int = Field(description="Due within the next three days and not yet overdue")


class MyTasks(ApiModel):
    assigned_open_cases: int = Field(description="Open cases the caller is actively assigned to")
    plans_to_approve: int = Field(description="Submitted plans the caller may approve or return")
    relief_to_act: int = Field(description="Relief applications at a step the caller's roles move")


class Summary(ApiModel):
    as_of: datetime
    total: int
    open: int
    closed: int
    by_status: list[Bucket]
    by_category: list[Bucket]
    by_receiving_organ: list[Bucket] = Field(
        description="Cases per receiving organ; a case received by several counts once for each"
    )
    by_unit: list[UnitBucket]
    relief_deadlines: DeadlineCounts
    return_visits: DeadlineCounts = Field(
        description="Resolving cases by the next visit date their latest check-in set"
    )
    hearings_next_7_days: int
    deadlines: DeadlineCounts = Field(
        description="Every running deadline (督查督办) of the cases counted: overdue, due soon"
    )
    escalated: int = Field(description="Running deadlines escalated to a leader or the office")
    my_tasks: MyTasks


class DeadlineKind(StrEnum):
    relief_step = "relief_step"
    return_visit = "return_visit"
    hearing = "hearing"


class DeadlineItem(ApiModel):
    kind: DeadlineKind
    ref_id: uuid.UUID = Field(description="The relief application, check-in or hearing")
    case_id: uuid.UUID
    case_number: str
    case_title: str
    due_at: datetime
    overdue: bool
    detail: str | None = Field(
        default=None, description="The relief step or the hearing kind the deadline belongs to"
    )
