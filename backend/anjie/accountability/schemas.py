from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from anjie.accountability.models import AccountabilityDecision, AccountabilityStatus
from anjie.cases.enums import RoleInCase
from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, LongText


class RecordOpen(ApiModel):
    case_id: uuid.UUID
    deadline_ids: Annotated[
        list[uuid.UUID],
        Field(min_length=1, max_length=50, description="Missed deadlines of that case"),
    ]
    finding: Annotated[LongText | None, Field(description="What the review found so far")] = None


class RecordDecide(ApiModel):
    decision: AccountabilityDecision
    finding: Annotated[LongText, Field(min_length=2)]
    note: LongText | None = None


class PersonOut(BaseModel):
    role_in_case: RoleInCase
    user_id: uuid.UUID | None
    org_unit_id: uuid.UUID | None
    name: str | None = Field(description="As named when the record was opened")
    started_at: datetime
    ended_at: datetime | None


class RecordOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    org_unit_id: uuid.UUID
    deadline_ids: list[uuid.UUID]
    persons: list[PersonOut] = Field(
        description="Who held the case (包案) when the deadline passed: leader, department, "
        "responsible, main and first responsible"
    )
    opened_at: datetime
    opened_by: uuid.UUID | None = Field(description="None: opened by the worker")
    finding: str | None
    decision: AccountabilityDecision | None
    decision_note: str | None
    decided_by: uuid.UUID | None
    decided_at: datetime | None
    status: AccountabilityStatus
    created_at: datetime
    updated_at: datetime
    version: int


class RecordListQuery(PageQuery):
    """Newest first; the filters combine with AND."""

    case_id: uuid.UUID | None = None
    status: AccountabilityStatus | None = None
