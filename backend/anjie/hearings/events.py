"""Facts of hearings, mediations and consultations: booked, moved, held, put off, called off."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class HearingFact(CaseFact):
    hearing_id: uuid.UUID
    kind: str
    starts_at: datetime


@dataclass(frozen=True, kw_only=True)
class HearingScheduled(HearingFact):
    name = "hearing.scheduled"


@dataclass(frozen=True, kw_only=True)
class HearingRescheduled(HearingFact):
    """A new time: by the reschedule action, or by correcting a scheduled hearing's time."""

    name = "hearing.rescheduled"


@dataclass(frozen=True, kw_only=True)
class HearingHeld(HearingFact):
    name = "hearing.held"


@dataclass(frozen=True, kw_only=True)
class HearingPostponed(HearingFact):
    name = "hearing.postponed"


@dataclass(frozen=True, kw_only=True)
class HearingCancelled(HearingFact):
    name = "hearing.cancelled"
