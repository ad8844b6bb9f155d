"""Request and response bodies of relief. Money is a Decimal in, a two-place string out."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    Field,
    PlainSerializer,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, LongText, NoNul, PatchModel, Reason
from anjie.relief.models import ReliefAction, ReliefKind, Step
from anjie.users.schemas import UserRef

# 四川省 (GB/T 2260 province code 51): the bureau's own province, used when an application
# does not name one. The cap is this province's previous-year wage standard times its multiple.
DEFAULT_PROVINCE = "51"
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("10000000.00")
MAX_WAGE = Decimal("1000000.00")


def _cents(value: Decimal) -> Decimal:
    # "12.3" and "1E+2" are exact amounts; store and show them with their two places.
    return value.quantize(CENT)


def money_str(value: Decimal) -> str:
    return format(value.quantize(CENT), "f")


# Exactly representable, positive, at most two places: NaN, Infinity, 0, "12.345" are 422.
Money = Annotated[
    Decimal,
    Field(
        gt=0,
        le=MAX_AMOUNT,
        decimal_places=2,
        allow_inf_nan=False,
        description='CNY as a decimal string with at most 2 places, e.g. "12345.60"',
        examples=["12345.60"],
    ),
    AfterValidator(_cents),
]
MoneyOut = Annotated[Decimal, PlainSerializer(money_str, return_type=str)]
Wage = Annotated[
    Decimal,
    Field(gt=0, le=MAX_WAGE, decimal_places=2, allow_inf_nan=False, examples=["8765.43"]),
    AfterValidator(_cents),
]
ProvinceCode = Annotated[
    str,
    Field(
        pattern=r"^[1-9][0-9]$",
        description="Two-digit GB/T 2260 province code (51 = Sichuan)",
        examples=["51"],
    ),
]
Facts = Annotated[str, Field(min_length=1, max_length=20_000), NoNul]
Opinion = Annotated[str, Field(min_length=1, max_length=2000), NoNul]


class ReliefCreate(ApiModel):
    case_id: uuid.UUID
    applicant_petitioner_id: uuid.UUID = Field(description="A petitioner of the case")
    kind: ReliefKind
    hardship_facts: Facts
    amount_requested: Money
    earlier_compensation: LongText | None = Field(
        default=None, description="Statement of other compensation or relief received"
    )
    province_code: ProvinceCode = Field(
        default=DEFAULT_PROVINCE, description="Whose wage standard sets the cap (default 51)"
    )


_NOT_NULL = frozenset(
    {"applicant_petitioner_id", "kind", "hardship_facts", "amount_requested", "province_code"}
)


class ReliefUpdate(PatchModel):
    """Fields left out stay; null clears `earlier_compensation` only. Drafts only."""

    not_null: ClassVar[frozenset[str]] = _NOT_NULL

    applicant_petitioner_id: uuid.UUID | None = None
    kind: ReliefKind | None = None
    hardship_facts: Facts | None = None
    amount_requested: Money | None = None
    earlier_compensation: LongText | None = None
    province_code: ProvinceCode | None = None


class ReliefListQuery(PageQuery):
    """The application list's query parameters; the filters combine with AND."""

    case_id: uuid.UUID | None = None
    step: Annotated[list[Step] | None, Field(description="Any of these steps")] = None
    overdue: Annotated[bool | None, Field(description="The current step is past due")] = None
    applicant: Annotated[uuid.UUID | None, Field(description="Applicant petitioner id")] = None
    updated_after: AwareDatetime | None = None


class StepAction(ApiModel):
    opinion: Opinion = Field(description="The opinion recorded with this step")


class ApproveAction(ApiModel):
    """The first approval names the amount; a second approval (exceptional) may repeat it."""

    opinion: Opinion
    amount_approved: Money | None = Field(
        default=None, description="Needed on the first approval; ≤ amount requested"
    )
    exceptional: bool = Field(default=False, description="Above the cap: needs a 2nd leader")
    exceptional_reason: Reason | None = None
    commitment_signed: bool = Field(
        default=False, description="The applicant signed the stop-petitioning commitment"
    )
    commitment_signed_on: date | None = None

    @model_validator(mode="after")
    def _pairs(self) -> ApproveAction:
        missing = []
        if self.exceptional and not self.exceptional_reason:
            missing.append("exceptional_reason")
        if self.commitment_signed and self.commitment_signed_on is None:
            missing.append("commitment_signed_on")
        if missing:
            error = PydanticCustomError("missing", "required with the flag above")
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [InitErrorDetails(type=error, loc=(name,), input=None) for name in missing],
            )
        return self


class DuplicateRef(BaseModel):
    """Another application by the same person (same ID number) on another case: ids only."""

    application_id: uuid.UUID
    case_id: uuid.UUID
    step: Step


class StepOut(BaseModel):
    action: str
    step: Step
    actor: UserRef | None
    at: datetime
    opinion: str | None
    amount: MoneyOut | None
    due_at: datetime | None


# The problem codes that refuse an action the caller's role and the step allow (guards.py).
Blocker = Literal["relief_four_eyes", "relief_already_granted"]


class AllowedAction(BaseModel):
    """An action the caller may take on the application at its step, with their permissions."""

    action: ReliefAction
    blocked_by: Blocker | None = Field(
        description="null: the step endpoint takes it (given a valid body); otherwise the "
        "problem `code` it would refuse the caller with (409): relief_four_eyes, the caller "
        "submitted, reviewed or first approved it; relief_already_granted, the applicant "
        "already has relief granted in this case"
    )


class ReliefOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    applicant_petitioner_id: uuid.UUID
    province_code: str
    kind: ReliefKind
    hardship_facts: str
    amount_requested: MoneyOut
    earlier_compensation: str | None
    step: Step
    due_at: datetime | None = Field(description="When the current step is due (Beijing time)")
    overdue: bool
    amount_approved: MoneyOut | None
    exceptional: bool
    exceptional_reason: str | None
    awaiting_second_approval: bool
    cap_amount: MoneyOut | None = Field(description="The cap that applied at approval")
    standard_year: int | None
    commitment_signed: bool
    commitment_signed_on: date | None
    duplicates: list[DuplicateRef]
    history: list[StepOut]
    allowed_actions: list[AllowedAction] = Field(
        description="What the caller may do now, in the order of the steps (relief_write, "
        "relief_review, relief_approve decide who may take which)"
    )
    created_by: UserRef | None
    created_at: datetime
    updated_at: datetime
    version: int


class WageStandardIn(ApiModel):
    average_monthly_wage: Wage = Field(description="职工月平均工资, CNY")
    multiple: int = Field(default=36, ge=1, le=120, description="Cap = wage × multiple")


class WageStandardOut(BaseModel):
    province_code: str
    year: int
    average_monthly_wage: MoneyOut
    multiple: int
    cap: MoneyOut
    entered_by: UserRef | None
    entered_at: datetime
