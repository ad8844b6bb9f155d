"""The arithmetic of a deadline's last day: pure, no database.

Working days follow the official calendar. A period counted in calendar days whose last day is a
holiday or a rest day ends on the next working day instead (期间届满日为节假日的顺延). Paused days
push the last day back one calendar day each; an extension adds its days in the rule's unit.
A day in a year the calendar does not know raises `CalendarYearUnknown` — never a guess — unless
the caller accepts a provisional day: a calendar-day period's count is exact, only its
roll-forward waits for that year's holidays, so the unrolled day is returned and marked.
"""

from __future__ import annotations

from datetime import date, timedelta

from anjie.core.calendar import CalendarYearUnknown, DurationUnit, WorkCalendar, add_calendar_days


def roll_forward(calendar: WorkCalendar, day: date, *, provisional_ok: bool) -> tuple[date, bool]:
    """The day itself if it is a working day, else the next one; (day, True) when its year is
    unknown and the caller accepts a provisional day."""
    try:
        return calendar.add_working_days(day, 0), False
    except CalendarYearUnknown:
        if not provisional_ok:
            raise
        return day, True


def last_day(
    calendar: WorkCalendar,
    start: date,
    amount: int,
    unit: DurationUnit,
    *,
    provisional_ok: bool = False,
) -> tuple[date, bool]:
    """The rule's last day counted from `start`, and whether it is provisional."""
    if unit is DurationUnit.working_days:
        return calendar.add_working_days(start, amount), False
    return roll_forward(calendar, add_calendar_days(start, amount), provisional_ok=provisional_ok)


def due_on(
    calendar: WorkCalendar,
    base: date,
    unit: DurationUnit,
    *,
    paused_days: int = 0,
    extension_days: int | None = None,
    provisional_ok: bool = False,
) -> tuple[date, bool]:
    """The last day after pauses and the extension, and whether it is provisional."""
    day = base + timedelta(days=paused_days)
    if extension_days:
        if unit is DurationUnit.working_days:
            return calendar.add_working_days(day, extension_days), False
        day = add_calendar_days(day, extension_days)
    return roll_forward(calendar, day, provisional_ok=provisional_ok)
