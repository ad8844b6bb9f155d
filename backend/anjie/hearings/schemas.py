"""Request and response bodies of hearings. Types and per-item shape only; rules that need the
database (chair, notice, conflicts, petitioners of the case) live in scheduling.py."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, LongText, Name, NoNul, PatchModel, Reason, ShortText, Years
from anjie.hearings.models import HearingKind, HearingStatus, ParticipantKind
from anjie.users.schemas import UserRef

# Bounded so that adding the duration can never leave what Python and PostgreSQL can hold.
Moment = Annotated[
    AwareDatetime,
    Field(ge=datetime(2000, 1, 1, tzinfo=UTC), le=datetime(2199, 12, 31, tzinfo=UTC)),
    Years(2000, 2199),
]
Minutes = Annotated[int, Field(ge=15, le=600, description="Planned length, 15–600 minutes")]
Place = Annotated[str, Field(min_length=1, max_length=200), NoNul]
Record = Annotated[str, Field(min_length=1, max_length=200_000), NoNul]
# The days a list filter may name.
_FIRST_DAY, _LAST_DAY = date(2000, 1, 1), date(2199, 12, 31)


def _errors(model: str, items: list[tuple[str, str, str]]) -> ValidationError:
    return ValidationError.from_exception_data(
        model,
        [
            InitErrorDetails(type=PydanticCustomError(code, message), loc=(field,), input=None)
            for field, code, message in items
        ],
    )


class ParticipantIn(ApiModel):
    """A participant. Officials are accounts (`user_id`); petitioners are the case's
    (`petitioner_id`); everyone else is named, optionally linked to an account."""

    kind: ParticipantKind
    user_id: uuid.UUID | None = None
    name: Name | None = Field(default=None, description="Required unless linked to an account")
    organisation: ShortText | None = None
    petitioner_id: uuid.UUID | None = Field(default=None, description="For kind=petitioner")

    @model_validator(mode="after")
    def _shape(self) -> ParticipantIn:
        problems: list[tuple[str, str, str]] = []
        if self.kind == ParticipantKind.petitioner:
            if self.petitioner_id is None:
                problems.append(("petitioner_id", "missing", "required for a petitioner"))
            if self.user_id is not None:
                problems.append(("user_id", "not_allowed", "a petitioner is not an account"))
        else:
            if self.petitioner_id is not None:
                problems.append(("petitioner_id", "not_allowed", "only for kind=petitioner"))
            if self.kind == ParticipantKind.official and self.user_id is None:
                problems.append(("user_id", "missing", "required for an official"))
            elif self.user_id is None and not self.name:
                problems.append(("name", "missing", "required for someone without an account"))
        if problems:
            raise _errors("ParticipantIn", problems)
        return self


Participants = Annotated[list[ParticipantIn], Field(max_length=100)]


class HearingCreate(ApiModel):
    case_id: uuid.UUID
    kind: HearingKind
    starts_at: Moment
    duration_minutes: Minutes
    place: Place = Field(description="Room or location; the same place cannot be double-booked")
    chair_user_id: uuid.UUID = Field(description="主持人: not an investigator of the case")
    clerk_user_id: uuid.UUID | None = Field(default=None, description="书记员")
    participants: Participants = Field(default_factory=list)
    notice_sent_at: Moment | None = Field(
        default=None, description="Public hearings: at least 7 days (Beijing dates) ahead"
    )
    public: bool | None = Field(default=None, description="Default: true for public_hearing")
    override_reason: Reason | None = Field(
        default=None, description="Book despite a double booking; the override is audited"
    )


# Columns that cannot be empty: a PATCH may leave them out but not set them to null.
NOT_NULL = frozenset(
    {
        "kind",
        "starts_at",
        "duration_minutes",
        "place",
        "chair_user_id",
        "participants",
        "public",
        "minutes",
    }
)


class HearingUpdate(PatchModel):
    """Fields left out stay; null clears an optional one; `participants` replaces the list.
    Arrangements change while scheduled or postponed; minutes and outcome only once held."""

    not_null: ClassVar[frozenset[str]] = NOT_NULL

    kind: HearingKind | None = None
    starts_at: Moment | None = None
    duration_minutes: Minutes | None = None
    place: Place | None = None
    chair_user_id: uuid.UUID | None = None
    clerk_user_id: uuid.UUID | None = None
    participants: Participants | None = None
    notice_sent_at: Moment | None = None
    public: bool | None = None
    override_reason: Reason | None = None
    minutes: Record | None = None
    outcome: LongText | None = None


class HearingListQuery(PageQuery):
    """The hearing list's query parameters; the filters combine with AND."""

    sort: Literal["starts_at", "-starts_at"] = "starts_at"
    case_id: uuid.UUID | None = None
    official: Annotated[
        uuid.UUID | None, Field(description="A user chairing, clerking or taking part")
    ] = None
    from_: Annotated[
        date | None,
        Field(alias="from", ge=_FIRST_DAY, le=_LAST_DAY, description="Starts on or after"),
        Years(2000, 2199),
    ] = None
    to: Annotated[
        date | None,
        Field(ge=_FIRST_DAY, le=_LAST_DAY, description="Starts on or before (Beijing date)"),
        Years(2000, 2199),
    ] = None
    status: Annotated[list[HearingStatus] | None, Field(description="Any of these")] = None
    kind: Annotated[list[HearingKind] | None, Field(description="Any of these")] = None
    updated_after: AwareDatetime | None = None


class HearingHold(ApiModel):
    minutes: Record = Field(description="听证笔录 (or the record of the mediation or reception)")
    outcome: LongText | None = None
    held_at: Moment | None = Field(default=None, description="Default: the scheduled start")


class HearingPostpone(ApiModel):
    reason: Reason
    new_starts_at: Moment | None = Field(
        default=None, description="The intended new time; confirm it with /reschedule"
    )


class HearingReschedule(ApiModel):
    starts_at: Moment | None = Field(default=None, description="Default: new_starts_at")
    duration_minutes: Minutes | None = None
    place: Place | None = None
    notice_sent_at: Moment | None = None
    override_reason: Reason | None = None


class HearingCancel(ApiModel):
    reason: Reason


class ParticipantOut(BaseModel):
    kind: ParticipantKind
    user_id: uuid.UUID | None
    name: str
    organisation: str | None
    petitioner_id: uuid.UUID | None


class HearingOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    case_number: str
    kind: HearingKind
    status: HearingStatus
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    place: str
    chair: UserRef
    clerk: UserRef | None
    participants: list[ParticipantOut]
    notice_sent_at: datetime | None
    public: bool
    conflict_override_reason: str | None
    minutes: str | None
    outcome: str | None
    held_at: datetime | None
    postponed_at: datetime | None
    postpone_reason: str | None
    next_starts_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    created_by: uuid.UUID
    version: int
    created_at: datetime
    updated_at: datetime


class CalendarTokenOut(BaseModel):
    token: str = Field(description="Shown once; only its hash is stored")
    feed_url: str = Field(description="Subscribe to this URL in a calendar app")
    created_at: datetime
