from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from anjie.core.calendar import DurationUnit
from anjie.core.schemas import ApiModel, Reason
from anjie.supervision.models import DeadlineStatus, SubjectType
from anjie.supervision.rules import DeadlineRuleKind

Days = Annotated[int, Field(ge=0, le=366)]


class DeadlineOut(BaseModel):
    id: uuid.UUID
    kind: DeadlineRuleKind
    subject_type: SubjectType
    subject_id: uuid.UUID
    case_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    org_unit_id: uuid.UUID
    responsible_user_id: uuid.UUID | None
    responsible_unit_id: uuid.UUID | None
    unit: DurationUnit = Field(description="How the period is counted")
    starts_on: date = Field(description="The anchor day the period counts from")
    base_due_on: date = Field(description="The last day as the rule gives it")
    due_on: date = Field(description="The last day after pauses and the extension")
    due_at: datetime = Field(description="23:59:59 Asia/Shanghai of the last day")
    due_provisional: bool = Field(
        description="Counted in calendar days into a year whose holidays are not entered yet: "
        "it moves to the next working day once they are, if it falls on a holiday"
    )
    status: DeadlineStatus
    overdue: bool = Field(description="Past due and still running (also before a worker marks it)")
    paused: bool
    paused_at: datetime | None
    paused_days: int
    pause_reason: str | None
    extension_days: int | None
    extension_reason: str | None
    extended_by: uuid.UUID | None
    extended_at: datetime | None
    escalation_level: int = Field(description="0 none; 1 the responsible leader; 2 the office")
    closed_at: datetime | None
    closed_by: uuid.UUID | None
    close_note: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class DeadlineStepOut(BaseModel):
    step: str
    at: datetime


class DeadlineDetail(DeadlineOut):
    steps: list[DeadlineStepOut] = Field(description="What the worker did, in order")


class ClockReason(ApiModel):
    reason: Reason


class ClockExtend(ApiModel):
    days: Annotated[int, Field(ge=1, le=366, description="Added in the rule's unit")]
    reason: Reason


class ClockClose(ApiModel):
    note: Annotated[str | None, Field(max_length=2000)] = None


class RuleOut(BaseModel):
    kind: DeadlineRuleKind
    subject_type: SubjectType
    anchor: str = Field(description="The fact or date the period counts from")
    active: bool
    amount: int
    unit: DurationUnit
    reminder_lead_days: int
    escalation_days: list[int] = Field(
        description="Days past due of each escalation level: the leader, then the office"
    )
    accountability_grace_days: int = Field(description="Days past due before a review opens")
    max_extension_days: int
    overridden: bool = Field(description="The campaign sets this rule itself")


class RuleIn(ApiModel):
    active: bool = True
    amount: Annotated[int, Field(ge=0, le=3660)]
    unit: DurationUnit
    reminder_lead_days: Days
    escalation_days: Annotated[list[Days], Field(max_length=2)]
    accountability_grace_days: Days
    max_extension_days: Days
