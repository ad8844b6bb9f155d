"""Request and response bodies of the case registry.

Types only: lengths, ranges, enums. Rules that relate fields to each other (dates in order,
procedure stages in order, no duplicates) live in `rules.py` so that PATCH checks them against
the stored case too, with messages in both languages.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from anjie.cases.enums import (
    CaseStatus,
    Category,
    LegalChannel,
    OutcomeKind,
    PetitionForm,
    ProcedureStage,
    ReceivingOrgan,
    RiskLevel,
    ThreeCrossFlag,
)
from anjie.cases.listing import DEFAULT_SORT, SortName
from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, NoNul, PatchModel, Years
from anjie.petitioners.schemas import PetitionerFields, PetitionerOut

# Field(...) before NoNul: constraints placed after a validator lose their string-specific
# error type (`string_too_long` would become the list-worded `too_long`).
Title = Annotated[str, Field(min_length=1, max_length=200), NoNul]
Organ = Annotated[str, Field(min_length=1, max_length=100), NoNul]
Reference = Annotated[str, Field(min_length=1, max_length=100), NoNul]
Note = Annotated[str, Field(max_length=2000), NoNul]
LongText = Annotated[str, Field(max_length=20_000), NoNul]
Demands = Annotated[str, Field(min_length=1, max_length=20_000), NoNul]
# Dates before 1900 are typing errors, not history; the upper bound is "today" (rules.py).
Day = Annotated[date, Field(ge=date(1900, 1, 1)), Years(1900)]
Count = Annotated[int, Field(ge=1, le=2**31 - 1)]
Visits = Annotated[int, Field(ge=0, le=2**31 - 1)]


class ReceivingOrganIn(ApiModel):
    organ: ReceivingOrgan
    reference_number: Reference | None = Field(default=None, description="交办文号")
    received_on: Day | None = None


class ProcedureIn(ApiModel):
    stage: ProcedureStage
    organ: Organ
    decided_on: Day | None = None
    reference_number: Reference | None = None
    conclusion: LongText | None = None


class PetitionerRef(ApiModel):
    """An existing petitioner the caller can see."""

    petitioner_id: uuid.UUID


def _petitioner_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "existing" if "petitioner_id" in value else "new"
    return "existing" if isinstance(value, PetitionerRef) else "new"


def _untagged(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Drop the union tag from error locations: `#/petitioners/0/id_number`, not `…/0/new/…`."""
    try:
        return handler(value)
    except ValidationError as exc:
        details: list[InitErrorDetails] = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            if loc and loc[0] in ("existing", "new"):
                loc = loc[1:]
            ctx = {
                k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int | float)
            }
            message = err["msg"].replace("{", "{{").replace("}", "}}")
            details.append(
                InitErrorDetails(
                    type=PydanticCustomError(err["type"], message, ctx or None),
                    loc=loc,
                    input=err.get("input"),
                )
            )
        raise ValidationError.from_exception_data(exc.title, details) from None


PetitionerIn = Annotated[
    Annotated[PetitionerRef, Tag("existing")] | Annotated[PetitionerFields, Tag("new")],
    Discriminator(_petitioner_kind),
    WrapValidator(_untagged),
]
Petitioners = Annotated[list[PetitionerIn], Field(min_length=1, max_length=50)]
ReceivingOrgans = Annotated[list[ReceivingOrganIn], Field(min_length=1, max_length=20)]
Procedures = Annotated[list[ProcedureIn], Field(max_length=3)]
LegalChannels = Annotated[list[LegalChannel], Field(max_length=len(LegalChannel))]
ThreeCrossFlags = Annotated[list[ThreeCrossFlag], Field(max_length=len(ThreeCrossFlag))]


class CaseCreate(ApiModel):
    campaign_id: uuid.UUID
    org_unit_id: uuid.UUID | None = Field(
        default=None, description="Owning unit; defaults to the caller's unit"
    )
    title: Title = Field(description="案由: a one-line summary")
    registered_on: Day | None = Field(default=None, description="Defaults to today")
    petition_form: PetitionForm
    first_petition_on: Day = Field(description="Decides whether the case is in campaign scope")
    latest_petition_on: Day | None = None
    petition_count: Count = 1
    group_size: Count | None = Field(
        default=None, description="Number of petitioners (group visits); defaults to the list"
    )
    category: Category
    receiving_organs: ReceivingOrgans
    decision_organ: Organ | None = None
    decision_reference: Reference | None = None
    decision_date: Day | None = None
    decision_effective_on: Day | None = None
    decision_summary: LongText | None = None
    demands: Demands
    cause: LongText | None = None
    crux: LongText | None = None
    legal_channels: LegalChannels = []
    legal_channels_exhausted: bool = False
    petitioned_before_ruling: bool = False
    three_cross_flags: ThreeCrossFlags = []
    three_cross_note: Note | None = None
    sensitive_period: bool = False
    risk_level: RiskLevel = RiskLevel.low
    threat_recorded: bool = False
    threat_note: Note | None = None
    province_visits: Visits = 0
    beijing_visits: Visits = 0
    last_escalated_visit_on: Day | None = None
    procedures: Procedures = Field(
        default=[], description="初次办理 → 复查 → 复核, each stage at most once, in that order"
    )
    petitioners: Petitioners = Field(
        description="Each item is {petitioner_id} of a known petitioner or a new petitioner"
    )


# Columns that cannot be empty: a PATCH may leave them out but not set them to null.
NOT_NULL = frozenset(
    {
        "campaign_id",
        "title",
        "registered_on",
        "petition_form",
        "first_petition_on",
        "petition_count",
        "group_size",
        "category",
        "receiving_organs",
        "demands",
        "legal_channels",
        "legal_channels_exhausted",
        "petitioned_before_ruling",
        "three_cross_flags",
        "sensitive_period",
        "risk_level",
        "threat_recorded",
        "province_visits",
        "beijing_visits",
        "procedures",
        "petitioners",
    }
)


class CaseUpdate(PatchModel):
    """Fields left out stay as they are; null clears an optional field. Lists (receiving organs,
    procedures, petitioners) replace the stored list as a whole. Status, outcome and number
    change only through transitions; the owning unit does not change here."""

    not_null: ClassVar[frozenset[str]] = NOT_NULL

    campaign_id: uuid.UUID | None = None
    title: Title | None = None
    registered_on: Day | None = Field(default=None, description="Must stay in the number's year")
    petition_form: PetitionForm | None = None
    first_petition_on: Day | None = None
    latest_petition_on: Day | None = None
    petition_count: Count | None = None
    group_size: Count | None = None
    category: Category | None = None
    receiving_organs: ReceivingOrgans | None = None
    decision_organ: Organ | None = None
    decision_reference: Reference | None = None
    decision_date: Day | None = None
    decision_effective_on: Day | None = None
    decision_summary: LongText | None = None
    demands: Demands | None = None
    cause: LongText | None = None
    crux: LongText | None = None
    legal_channels: LegalChannels | None = None
    legal_channels_exhausted: bool | None = None
    petitioned_before_ruling: bool | None = None
    three_cross_flags: ThreeCrossFlags | None = None
    three_cross_note: Note | None = None
    sensitive_period: bool | None = None
    risk_level: RiskLevel | None = None
    threat_recorded: bool | None = None
    threat_note: Note | None = None
    province_visits: Visits | None = None
    beijing_visits: Visits | None = None
    last_escalated_visit_on: Day | None = None
    procedures: Procedures | None = None
    petitioners: Petitioners | None = None


class CaseListQuery(PageQuery):
    """The case list's query parameters; the filters combine with AND."""

    sort: SortName = DEFAULT_SORT
    status: Annotated[list[CaseStatus] | None, Field(description="Any of these")] = None
    category: Category | None = None
    receiving_organ: ReceivingOrgan | None = None
    org_unit_id: Annotated[uuid.UUID | None, Field(description="This unit's subtree")] = None
    responsible_person_id: uuid.UUID | None = None
    responsible_leader_id: uuid.UUID | None = None
    risk_level: RiskLevel | None = None
    three_cross_flag: Annotated[
        list[ThreeCrossFlag] | None, Field(description="All of these flags")
    ] = None
    sensitive_period: bool | None = None
    threat_recorded: bool | None = None
    in_scope: bool | None = None
    campaign_id: uuid.UUID | None = None
    q: Annotated[
        str | None,
        Field(max_length=100, description="Text in the number, title or demands; empty: all"),
    ] = None
    updated_after: AwareDatetime | None = None
    overdue: Annotated[
        bool | None, Field(description="true: a deadline of the case is past due and running")
    ] = None
    due_before: Annotated[
        date | None,
        Field(
            ge=date(2000, 1, 1),
            le=date(2199, 12, 31),
            description="A running deadline of the case is due before this day (Beijing)",
        ),
        Years(2000, 2199),
    ] = None


# --- responses -------------------------------------------------------------------------------


class ReceivingOrganOut(BaseModel):
    organ: ReceivingOrgan
    reference_number: str | None
    received_on: date | None


class ProcedureOut(BaseModel):
    stage: ProcedureStage
    organ: str
    decided_on: date | None
    reference_number: str | None
    conclusion: str | None


class NamedRef(BaseModel):
    id: uuid.UUID
    name: str


class ScopeReason(BaseModel):
    """Why a case is outside its campaign: a stable code and the text in both UI languages
    (so the body does not depend on Accept-Language, and idempotent replays stay exact)."""

    model_config = ConfigDict(populate_by_name=True)

    code: str = Field(examples=["first_petition_after_cutoff"])
    cutoff_date: date
    zh_cn: str = Field(alias="zh-CN")
    en: str


class NextDeadlineOut(BaseModel):
    id: uuid.UUID
    kind: str = Field(description="A `deadline_rule_kind` value (labels in /meta/enums)")
    due_at: datetime
    overdue: bool


class CaseOut(BaseModel):
    id: uuid.UUID
    number: str = Field(description="{unit code}-{year}-{sequence}, unique per unit and year")
    campaign_id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str = Field(
        description="The owning unit, named even outside the caller's subtree"
    )
    title: str
    registered_on: date
    petition_form: PetitionForm
    first_petition_on: date
    latest_petition_on: date | None
    petition_count: int
    group_size: int
    category: Category
    receiving_organs: list[ReceivingOrganOut]
    decision_organ: str | None
    decision_reference: str | None
    decision_date: date | None
    decision_effective_on: date | None
    decision_summary: str | None
    demands: str
    cause: str | None
    crux: str | None
    legal_channels: list[LegalChannel]
    legal_channels_exhausted: bool
    petitioned_before_ruling: bool
    three_cross: bool = Field(description="三跨三分离: any of the flags")
    three_cross_flags: list[ThreeCrossFlag]
    three_cross_note: str | None
    sensitive_period: bool
    risk_level: RiskLevel
    threat_recorded: bool
    threat_note: str | None
    province_visits: int
    beijing_visits: int
    last_escalated_visit_on: date | None
    procedures: list[ProcedureOut]
    petitioners: list[PetitionerOut] = Field(description="ID numbers and phones masked")
    in_scope: bool = Field(description="First petitioned on or before the campaign's cut-off")
    out_of_scope_reason: ScopeReason | None
    status: CaseStatus
    status_changed_at: datetime
    outcome_kind: OutcomeKind | None
    outcome_note: str | None
    commitment_signed: bool
    commitment_signed_on: date | None
    termination_basis: str | None
    termination_decided_by: uuid.UUID | None
    termination_filing_status: str | None
    police_organ: str | None
    reopen_count: int
    responsible_leader: NamedRef | None
    responsible_department: NamedRef | None
    responsible_person: NamedRef | None
    next_deadline: NextDeadlineOut | None = Field(
        description="The nearest running deadline of the case (督查督办), if any"
    )
    version: int
    created_at: datetime
    updated_at: datetime
