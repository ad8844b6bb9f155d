"""Facts of the working-day calendar."""

from __future__ import annotations

from dataclasses import dataclass

from anjie.core.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class CalendarYearEntered(DomainEvent):
    """A year's holiday arrangement was entered (or replaced): its days are known now."""

    name = "calendar.year_entered"
    year: int
