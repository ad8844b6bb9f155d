"""Facts of judicial relief applications."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class ReliefStepMoved(CaseFact):
    """An application reached a step (`from_step` None: it was just drafted). `due_at` is the
    working-day deadline of the new step, when it has one."""

    name = "relief.step_moved"
    application_id: uuid.UUID
    action: str
    from_step: str | None
    to_step: str
    due_at: datetime | None
