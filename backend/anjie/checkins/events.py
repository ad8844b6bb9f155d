"""Facts of return visits (回访)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class CheckInRecorded(CaseFact):
    name = "check_in.recorded"
    check_in_id: uuid.UUID
    visited_at: datetime
    attitude: str
    next_visit_on: date | None
