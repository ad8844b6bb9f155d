"""Chinese official working-day calendar: State Council holidays and adjusted working weekends.

Deadlines counted in working days (工作日) must follow the yearly State Council arrangement, in
which some weekdays are holidays and some weekends are working days. The `chinesecalendar` package
carries the published years; an admin-maintained override table covers later years and corrections.
Pure module: no database, no web framework.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

import chinese_calendar

__all__ = [
    "MAX_AMOUNT",
    "CalendarYearUnknown",
    "DayOverride",
    "Duration",
    "DurationUnit",
    "WorkCalendar",
    "add_calendar_days",
    "default_calendar",
    "due_at",
    "local_date",
]

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Ten years of days: far beyond any statutory time limit, small enough that a hostile or mistyped
# API value cannot keep a request spinning through the calendar.
MAX_AMOUNT = 3660
_ONE_DAY = timedelta(days=1)
_END_OF_DAY = time(23, 59, 59)
# Read the covered range from the data rather than hard-coding it, so upgrading the package
# extends coverage with no code change.
_PACKAGE_YEARS = frozenset(
    range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
)


class CalendarYearUnknown(Exception):
    """No holiday data for a year: guessing would silently move legal deadlines."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"no official holiday data for {year}; "
            "enter the State Council holiday arrangement for that year"
        )


@dataclass(frozen=True, slots=True)
class DayOverride:
    """One day of an admin-entered arrangement: a holiday, or an adjusted working weekend."""

    day: date
    is_workday: bool
    name: str | None = None


class DurationUnit(StrEnum):
    calendar_days = "calendar_days"
    working_days = "working_days"


def _check_amount(n: int) -> None:
    # bool is an int subclass; `True` working days is a bug upstream, not a count.
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"day count must be an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"day count must not be negative, got {n}")
    if n > MAX_AMOUNT:
        raise ValueError(f"day count must be at most {MAX_AMOUNT}, got {n}")


def _check_date(day: date) -> None:
    # A datetime is a date subclass; its .date() may be the UTC day, not the Shanghai day.
    if isinstance(day, datetime):
        raise TypeError("expected a date, got a datetime; convert it with local_date() first")


@dataclass(frozen=True, slots=True)
class Duration:
    unit: DurationUnit
    amount: int

    def __post_init__(self) -> None:
        _check_amount(self.amount)


class WorkCalendar:
    """Working-day arithmetic over the package data plus overrides.

    Precedence: an override for the day; else, for a year in `override_years` (the admin entered
    that year's full arrangement), Monday-Friday; else the package; else `CalendarYearUnknown`.
    """

    __slots__ = ("_override_years", "_overrides")

    def __init__(
        self, overrides: Iterable[DayOverride] = (), override_years: Iterable[int] = ()
    ) -> None:
        by_day: dict[date, DayOverride] = {}
        for override in overrides:
            _check_date(override.day)
            previous = by_day.get(override.day)
            if previous is not None and previous.is_workday != override.is_workday:
                raise ValueError(f"conflicting overrides for {override.day.isoformat()}")
            by_day[override.day] = override
        self._overrides = by_day
        self._override_years = frozenset(override_years)

    @property
    def override_years(self) -> frozenset[int]:
        return self._override_years

    def is_workday(self, day: date) -> bool:
        _check_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return override.is_workday
        if day.year in self._override_years:
            return day.weekday() < 5
        if day.year in _PACKAGE_YEARS:
            return bool(chinese_calendar.is_workday(day))
        raise CalendarYearUnknown(day.year)

    def holiday_name(self, day: date) -> str | None:
        """Name of the holiday or adjusted working day that `day` belongs to; None if ordinary."""
        self.is_workday(day)  # same validation and unknown-year error as everywhere else
        override = self._overrides.get(day)
        if override is not None:
            return override.name
        if day.year in self._override_years:
            return None
        name: str | None = chinese_calendar.get_holiday_detail(day)[1]
        return name

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day strictly after `start`.

        n=0 means "no later than start on a working day": `start` itself if it is a workday,
        else the next workday. Raises CalendarYearUnknown if the walk enters an unknown year.
        """
        _check_date(start)
        _check_amount(n)
        day = start
        if n == 0:
            while not self.is_workday(day):
                day += _ONE_DAY
            return day
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return day

    def add(self, start: date, duration: Duration) -> date:
        if duration.unit is DurationUnit.working_days:
            return self.add_working_days(start, duration.amount)
        return add_calendar_days(start, duration.amount)

    def working_days_between(self, a: date, b: date) -> int:
        """Number of working days in the half-open interval (a, b]; 0 when a == b."""
        _check_date(a)
        _check_date(b)
        if b < a:
            raise ValueError(f"end {b.isoformat()} is before start {a.isoformat()}")
        # Bound the walk like add_*: 3660 working days never span more than twice as many days.
        if (b - a).days > 2 * MAX_AMOUNT:
            raise ValueError(f"interval longer than {2 * MAX_AMOUNT} days")
        return sum(self.is_workday(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))

    def due_after(self, start: date, duration: Duration) -> datetime:
        return due_at(self.add(start, duration))


def add_calendar_days(start: date, n: int) -> date:
    """`start` plus n calendar days; no roll-forward if the result falls on a holiday."""
    _check_date(start)
    _check_amount(n)
    return start + timedelta(days=n)


def due_at(day: date) -> datetime:
    """End of `day` in Beijing time (23:59:59+08:00), aware: the last moment a deadline is met."""
    _check_date(day)
    return datetime.combine(day, _END_OF_DAY, tzinfo=SHANGHAI)


def local_date(dt: datetime) -> date:
    """Calendar date in Asia/Shanghai of an aware datetime (stored timestamps are UTC)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("naive datetime: cannot tell which day it is in Asia/Shanghai")
    return dt.astimezone(SHANGHAI).date()


@cache
def default_calendar() -> WorkCalendar:
    """Package data only, no overrides; shared because WorkCalendar is immutable."""
    return WorkCalendar()
