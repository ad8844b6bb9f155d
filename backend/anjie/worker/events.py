"""Facts of the worker: a step it took on a deadline (reminder, overdue, an escalation level,
the accountability review), published once, by the worker that recorded the step."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.core.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class DeadlineStepTaken(DomainEvent):
    name = "deadline.step_taken"
    deadline_id: uuid.UUID
    step: str
    kind: str
    case_id: uuid.UUID | None
    org_unit_id: uuid.UUID
    escalation_level: int
