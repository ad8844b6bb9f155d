from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, field_validator

from anjie.core.schemas import ApiModel, LongText, NoNul, Reason
from anjie.plans.models import Measure, PlanStatus
from anjie.users.schemas import UserRef

Comment = Annotated[str, Field(max_length=2000), NoNul]


class PlanIn(ApiModel):
    """A whole version of the plan (五定). Drafts may be partial; submitting needs all five."""

    personnel: LongText | None = Field(default=None, description="定人员")
    measures: list[Measure] = Field(default_factory=list, max_length=20, description="定方案")
    measures_detail: LongText | None = None
    time_limit: date | None = Field(default=None, description="定时限: resolve by this date")
    requirements: LongText | None = Field(default=None, description="定要求")
    expected_effect: LongText | None = Field(default=None, description="定效果")

    @field_validator("measures")
    @classmethod
    def _distinct(cls, value: list[Measure]) -> list[Measure]:
        return list(dict.fromkeys(value))


class PlanApprove(ApiModel):
    comment: Comment | None = None


class PlanReturn(ApiModel):
    comment: Reason = Field(description="Why the plan goes back: the author has to act on it")


class PlanOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    version_no: int
    status: PlanStatus
    personnel: str | None
    measures: list[Measure]
    measures_detail: str | None
    time_limit: date | None
    requirements: str | None
    expected_effect: str | None
    missing_fixes: list[str] = Field(description="Which of the five fixes are still empty")
    in_force: bool = Field(description="The approved version the case is worked by")
    author: UserRef | None
    created_at: datetime
    submitted_at: datetime | None
    submitted_by: UserRef | None
    decided_at: datetime | None
    decided_by: UserRef | None
    decision_comment: str | None


class PlanVersionList(BaseModel):
    """Every saved version, newest first (a case has a handful): not paginated."""

    items: list[PlanOut]
