from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, Field

from anjie.checkins.models import Attitude, VisitManner
from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, NoNul
from anjie.users.schemas import UserRef

Place = Annotated[str, Field(max_length=200), NoNul]
PeopleMet = Annotated[str, Field(max_length=500), NoNul]
ThreatNote = Annotated[str, Field(max_length=2000), NoNul]
Notes = Annotated[str, Field(max_length=5000), NoNul]
# Newest visit first by default; the cursor remembers which order it was made for.
SortName = Literal["-visited_at", "visited_at"]


class Gps(ApiModel):
    """The phone's fix where the visit was recorded. NaN and infinities are refused."""

    lat: float = Field(ge=-90, le=90, allow_inf_nan=False, description="Latitude, WGS 84")
    lon: float = Field(ge=-180, le=180, allow_inf_nan=False, description="Longitude, WGS 84")
    accuracy_m: float = Field(ge=0, le=10_000, allow_inf_nan=False, description="Metres")


class CheckInCreate(ApiModel):
    """A return visit as the phone captured it (回访记录). Rules the types cannot say — time not in
    the future, officers in the caller's subtree, `could_not_visit` only with `unreachable` — are
    checked by the service and reported with pointers like the type errors."""

    visited_at: AwareDatetime = Field(
        description="When the visit happened (phone time, with offset); at most 5 minutes ahead "
        "of the server, not before 2000"
    )
    officers: list[uuid.UUID] = Field(
        min_length=1, max_length=20, description="Users who made the visit (active, distinct)"
    )
    manner: VisitManner
    gps: Gps | None = None
    place: Place | None = None
    people_met: PeopleMet | None = None
    attitude: Attitude
    could_not_visit: bool = Field(default=False, description="true needs attitude unreachable")
    threats_recorded: bool = Field(default=False, description="true needs a threat_note")
    threat_note: ThreatNote | None = None
    notes: Notes | None = None
    next_visit_on: date | None = Field(
        default=None, description="Not before the visit's date in Asia/Shanghai"
    )
    client_id: uuid.UUID | None = Field(
        default=None, description="The visit's UUID; must equal the Idempotency-Key if given"
    )


Officer = Annotated[uuid.UUID | None, Field(description="Visits this user took part in")]
VisitedFrom = Annotated[
    AwareDatetime | None, Field(alias="from", description="visited_at at or after this")
]
VisitedTo = Annotated[AwareDatetime | None, Field(alias="to", description="visited_at before this")]
UpdatedAfter = Annotated[
    AwareDatetime | None,
    Field(description="Received after this (a check-in never changes once received)"),
]


class CaseCheckInListQuery(PageQuery):
    """The query parameters of one case's visits."""

    sort: SortName = "-visited_at"
    officer: Officer = None
    visited_from: VisitedFrom = None
    visited_to: VisitedTo = None
    attitude: Attitude | None = None
    updated_after: UpdatedAfter = None


class CheckInListQuery(PageQuery):
    """The query parameters of the visits across cases; the filters combine with AND."""

    sort: SortName = "-visited_at"
    case_id: uuid.UUID | None = None
    officer: Officer = None
    visited_from: VisitedFrom = None
    visited_to: VisitedTo = None
    attitude: Attitude | None = None
    updated_after: UpdatedAfter = None


class CheckInOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    client_id: uuid.UUID
    visited_at: datetime
    received_at: datetime = Field(description="When the server received it (the sync time)")
    officers: list[UserRef]
    manner: VisitManner
    gps: Gps | None
    place: str | None
    people_met: str | None
    attitude: Attitude
    could_not_visit: bool
    threats_recorded: bool
    threat_note: str | None
    notes: str | None
    next_visit_on: date | None
    recorded_by: UserRef
