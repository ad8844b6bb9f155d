"""Facts of 包案: who answers for a case, and when that ended."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class AssignmentFact(CaseFact):
    assignment_id: uuid.UUID
    role_in_case: str
    user_id: uuid.UUID | None
    holder_unit_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class AssignmentSet(AssignmentFact):
    """A holder took a role; `replaced_id` is the assignment it ended, if any."""

    name = "assignment.set"
    replaced_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class AssignmentEnded(AssignmentFact):
    name = "assignment.ended"
