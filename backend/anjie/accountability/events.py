"""Facts of accountability reviews (责任倒查)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class AccountabilityFact(CaseFact):
    record_id: uuid.UUID
    # The users the record concerns (departments carry no user).
    person_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True, kw_only=True)
class AccountabilityOpened(AccountabilityFact):
    """Opened by hand (actor_id) or by the worker for a deadline past its grace (actor_id None)."""

    name = "accountability.opened"
    deadline_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True, kw_only=True)
class AccountabilityDecided(AccountabilityFact):
    name = "accountability.decided"
    decision: str
