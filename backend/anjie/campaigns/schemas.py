from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, Field, model_validator

from anjie.campaigns.models import Phase
from anjie.core.schemas import ApiModel, NoNul, OutModel, PatchModel

CampaignName = Annotated[str, Field(min_length=2, max_length=200), NoNul]
Reference = Annotated[str, Field(min_length=1, max_length=100), NoNul]


class PhaseIn(ApiModel):
    phase: Phase
    starts_on: date
    ends_on: date

    @model_validator(mode="after")
    def _ordered(self) -> PhaseIn:
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


def _check_phases(phases: list[PhaseIn] | None) -> None:
    if phases is None:
        return
    names = [p.phase for p in phases]
    if len(set(names)) != len(names):
        raise ValueError("each phase may appear once")


class CampaignCreate(ApiModel):
    name: CampaignName
    org_unit_id: uuid.UUID | None = Field(
        default=None, description="Issuing unit; defaults to the caller's unit"
    )
    document_reference: Reference | None = None
    cutoff_date: date = Field(description="Cases first received after this date are out of scope")
    resolution_target: date
    self_inspection_due: date | None = None
    phases: Annotated[list[PhaseIn], Field(max_length=4)] = []

    @model_validator(mode="after")
    def _valid(self) -> CampaignCreate:
        _check_phases(self.phases)
        return self


class CampaignUpdate(PatchModel):
    not_null: ClassVar[frozenset[str]] = frozenset(
        {"name", "cutoff_date", "resolution_target", "phases"}
    )
    # Published with null allowed on every field: on these it leaves the value as it is.
    null_leaves_unchanged: ClassVar[bool] = True

    name: CampaignName | None = None
    document_reference: Reference | None = None
    cutoff_date: date | None = None
    resolution_target: date | None = None
    self_inspection_due: date | None = None
    phases: Annotated[list[PhaseIn], Field(max_length=4)] | None = None

    @model_validator(mode="after")
    def _valid(self) -> CampaignUpdate:
        _check_phases(self.phases)
        return self


class PhaseOut(BaseModel):
    phase: Phase
    starts_on: date
    ends_on: date


class CampaignOut(OutModel):
    id: uuid.UUID
    org_unit_id: uuid.UUID
    name: str
    document_reference: str | None
    cutoff_date: date
    resolution_target: date
    self_inspection_due: date | None
    phases: list[PhaseOut]
    current_phase: Phase | None = Field(description="The phase whose dates contain today")
    version: int
    created_at: datetime
    updated_at: datetime
