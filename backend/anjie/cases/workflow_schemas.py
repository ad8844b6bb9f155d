"""Request and response bodies of the case status machine."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

import anjie.cases.labels  # noqa: F401 - registers the case vocabulary used for labels
from anjie.cases.enums import CaseAction, CaseStatus, OutcomeKind
from anjie.core import clock
from anjie.core.schemas import ApiModel, LongText, NoNul, Reason, field_error

# ---- request and response -------------------------------------------------------------------

# Optional request fields, and the actions that use them; any other action refuses them (422).
ACTION_FIELDS: dict[CaseAction, frozenset[str]] = {
    CaseAction.resolve: frozenset(
        {"outcome_kind", "outcome_note", "commitment_signed", "commitment_signed_on"}
    ),
    CaseAction.terminate: frozenset({"outcome_note", "termination_basis"}),
    CaseAction.refer: frozenset({"outcome_note", "police_organ"}),
}
_OPTIONAL = (
    "outcome_kind",
    "outcome_note",
    "commitment_signed",
    "commitment_signed_on",
    "termination_basis",
    "police_organ",
)


class TransitionIn(ApiModel):
    action: CaseAction
    reason: Reason
    outcome_kind: OutcomeKind | None = None
    outcome_note: LongText | None = None
    commitment_signed: bool | None = Field(
        default=None, description="The petitioner signed a commitment to stop petitioning"
    )
    commitment_signed_on: date | None = None
    termination_basis: LongText | None = Field(
        default=None, description="Why the procedure is exhausted, when no re-review is recorded"
    )
    police_organ: Annotated[str, Field(min_length=1, max_length=100), NoNul] | None = None

    @model_validator(mode="after")
    def _fields_fit_action(self) -> TransitionIn:
        allowed = ACTION_FIELDS.get(self.action, frozenset())
        for name in _OPTIONAL:
            if getattr(self, name) is not None and name not in allowed:
                raise field_error(
                    "TransitionIn", name, "not_for_action", f"not used by {self.action.value}"
                )
        if self.commitment_signed_on is not None:
            if not self.commitment_signed:
                raise field_error(
                    "TransitionIn", "commitment_signed_on", "value_error", "needs commitment_signed"
                )
            if self.commitment_signed_on > clock.today():
                raise field_error(
                    "TransitionIn", "commitment_signed_on", "value_error", "is in the future"
                )
        return self


class GuardState(BaseModel):
    guard: str
    met: bool | None = Field(description="null: decided by what the request supplies (`fields`)")
    fields: list[str]
    detail: str


class ActionState(BaseModel):
    action: CaseAction
    label: str
    target: CaseStatus
    ready: bool = Field(description="No guard is known to be unmet")
    unmet_guards: list[str]
    guards: list[GuardState]


class CaseTransitions(BaseModel):
    case_id: uuid.UUID
    status: CaseStatus
    status_label: str
    version: int
    status_changed_at: datetime
    actions: list[ActionState] = Field(description="What the caller may do from here")
