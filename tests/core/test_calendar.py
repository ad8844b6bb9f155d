"""Working-day calendar. Expected dates are hard-coded from the State Council 2026 arrangement
as carried by chinesecalendar 1.11.0:

Spring Festival: holidays Sun 2026-02-15 .. Mon 2026-02-23; adjusted working Sat 02-14, Sat 02-28.
Mid-Autumn: holidays Fri 2026-09-25 .. Sun 09-27 (no adjusted day of its own).
National Day: holidays Thu 2026-10-01 .. Wed 10-07; adjusted working Sun 09-20, Sat 10-10.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from anjie.core.calendar import (
    MAX_AMOUNT,
    CalendarYearUnknown,
    DayOverride,
    Duration,
    DurationUnit,
    WorkCalendar,
    add_calendar_days,
    default_calendar,
    due_at,
    local_date,
)

D = date
CAL = default_calendar()


# --- 2026 Spring Festival ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 2, 13), True),  # Friday before the holiday
        (D(2026, 2, 14), True),  # adjusted working Saturday
        (D(2026, 2, 15), False),  # Sunday, first holiday day
        (D(2026, 2, 16), False),  # Monday inside the holiday
        (D(2026, 2, 20), False),  # Friday inside the holiday
        (D(2026, 2, 23), False),  # Monday, last holiday day
        (D(2026, 2, 24), True),  # first ordinary workday after
        (D(2026, 2, 28), True),  # adjusted working Saturday
        (D(2026, 3, 1), False),  # ordinary Sunday
    ],
)
def test_spring_festival_2026_days(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # lands on the adjusted Saturday
        (D(2026, 2, 14), 1, D(2026, 2, 24)),  # jumps the whole nine-day holiday
        (D(2026, 2, 13), 2, D(2026, 2, 24)),
        (D(2026, 2, 12), 5, D(2026, 2, 26)),
        (D(2026, 2, 10), 10, D(2026, 3, 2)),  # 11,12,13,14,24,25,26,27,28, 3-02
        (D(2026, 2, 26), 2, D(2026, 2, 28)),  # second adjusted Saturday counts
        (D(2026, 2, 26), 3, D(2026, 3, 2)),
        (D(2026, 2, 16), 0, D(2026, 2, 24)),  # n=0 on a holiday: next workday
        (D(2026, 2, 14), 0, D(2026, 2, 14)),  # n=0 on a workday: itself
    ],
)
def test_spring_festival_2026_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_spring_festival_2026_working_days_between() -> None:
    # (02-13, 02-28] -> 02-14, 02-24, 02-25, 02-26, 02-27, 02-28
    assert CAL.working_days_between(D(2026, 2, 13), D(2026, 2, 28)) == 6
    assert CAL.working_days_between(D(2026, 2, 14), D(2026, 2, 23)) == 0
    assert CAL.working_days_between(D(2026, 2, 24), D(2026, 2, 24)) == 0
    with pytest.raises(ValueError):
        CAL.working_days_between(D(2026, 2, 28), D(2026, 2, 13))


def test_holiday_names_2026() -> None:
    assert CAL.holiday_name(D(2026, 2, 14)) == "Spring Festival"  # adjusted workday is named too
    assert CAL.holiday_name(D(2026, 2, 16)) == "Spring Festival"
    assert CAL.holiday_name(D(2026, 9, 20)) == "National Day"
    assert CAL.holiday_name(D(2026, 3, 3)) is None


# --- 2026 National Day (with Mid-Autumn just before it) ---------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 9, 19), False),  # ordinary Saturday
        (D(2026, 9, 20), True),  # adjusted working Sunday
        (D(2026, 9, 25), False),  # Friday, Mid-Autumn
        (D(2026, 9, 30), True),
        (D(2026, 10, 1), False),  # Thursday
        (D(2026, 10, 2), False),  # Friday
        (D(2026, 10, 5), False),  # Monday
        (D(2026, 10, 7), False),  # Wednesday, last holiday day
        (D(2026, 10, 8), True),
        (D(2026, 10, 10), True),  # adjusted working Saturday
        (D(2026, 10, 11), False),  # ordinary Sunday
    ],
)
def test_national_day_2026_days(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Friday -> adjusted Sunday
        (D(2026, 9, 18), 10, D(2026, 10, 9)),  # 20..24, 28..30, 10-08, 10-09
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 9, 30), 3, D(2026, 10, 10)),  # adjusted Saturday
        (D(2026, 9, 30), 4, D(2026, 10, 12)),
    ],
)
def test_national_day_2026_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_national_day_2026_durations() -> None:
    assert CAL.add(D(2026, 9, 18), Duration(DurationUnit.working_days, 15)) == D(2026, 10, 15)
    # calendar days do not roll forward off a holiday
    assert CAL.add(D(2026, 9, 30), Duration(DurationUnit.calendar_days, 3)) == D(2026, 10, 3)
    assert CAL.working_days_between(D(2026, 9, 30), D(2026, 10, 11)) == 3
    due = CAL.due_after(D(2026, 9, 30), Duration(DurationUnit.working_days, 1))
    assert due == datetime(2026, 10, 8, 15, 59, 59, tzinfo=UTC)


# --- years the package does not know ----------------------------------------------------------


def test_2027_without_overrides_raises() -> None:
    with pytest.raises(CalendarYearUnknown) as info:
        CAL.is_workday(D(2027, 3, 1))
    assert info.value.year == 2027
    assert "2027" in str(info.value)
    assert "State Council" in str(info.value)
    # 2026-12-31 is a workday, then the walk enters 2027: refuse rather than guess
    with pytest.raises(CalendarYearUnknown):
        CAL.add_working_days(D(2026, 12, 30), 2)
    with pytest.raises(CalendarYearUnknown):
        CAL.holiday_name(D(2027, 1, 1))


def _cal_2027() -> WorkCalendar:
    # made-up arrangement: Fri 01-01 and Mon 01-04 off, Sun 01-10 worked
    return WorkCalendar(
        [
            DayOverride(D(2027, 1, 1), False, "New Year's Day"),
            DayOverride(D(2027, 1, 4), False, "New Year's Day"),
            DayOverride(D(2027, 1, 10), True, "New Year's Day"),
        ],
        override_years={2027},
    )


def test_2027_with_overrides() -> None:
    cal = _cal_2027()
    assert cal.is_workday(D(2027, 1, 1)) is False
    assert cal.is_workday(D(2027, 1, 4)) is False
    assert cal.is_workday(D(2027, 1, 5)) is True  # ordinary Tuesday
    assert cal.is_workday(D(2027, 1, 9)) is False  # ordinary Saturday
    assert cal.is_workday(D(2027, 1, 10)) is True  # adjusted Sunday
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 5)  # crosses the year
    assert cal.add_working_days(D(2027, 1, 8), 1) == D(2027, 1, 10)
    assert cal.working_days_between(D(2026, 12, 31), D(2027, 1, 10)) == 5  # 5..8 and 10
    assert cal.holiday_name(D(2027, 1, 4)) == "New Year's Day"
    assert cal.holiday_name(D(2027, 1, 5)) is None
    assert cal.override_years == frozenset({2027})


def test_override_without_covered_year_answers_only_that_day() -> None:
    cal = WorkCalendar([DayOverride(D(2027, 1, 1), False, "New Year's Day")])
    assert cal.is_workday(D(2027, 1, 1)) is False
    with pytest.raises(CalendarYearUnknown):
        cal.is_workday(D(2027, 1, 5))


def test_override_corrects_a_package_year() -> None:
    cal = WorkCalendar([DayOverride(D(2026, 10, 8), False, "correction")])
    assert cal.is_workday(D(2026, 10, 8)) is False
    assert cal.is_workday(D(2026, 10, 7)) is False  # package still answers the rest
    assert cal.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 9)
    # a year marked as fully entered replaces the package for that year
    assert WorkCalendar(override_years={2026}).is_workday(D(2026, 2, 16)) is True


def test_conflicting_overrides_rejected() -> None:
    with pytest.raises(ValueError):
        WorkCalendar([DayOverride(D(2027, 1, 1), False), DayOverride(D(2027, 1, 1), True)])


# --- time zone --------------------------------------------------------------------------------


def test_due_at_is_end_of_day_in_beijing() -> None:
    due = due_at(D(2026, 2, 24))
    assert due == datetime(2026, 2, 24, 23, 59, 59, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert due.utcoffset() == timedelta(hours=8)
    assert due.isoformat() == "2026-02-24T23:59:59+08:00"
    assert due.astimezone(UTC) == datetime(2026, 2, 24, 15, 59, 59, tzinfo=UTC)
    assert due.astimezone(UTC).isoformat() == "2026-02-24T15:59:59+00:00"


def test_local_date_around_beijing_midnight() -> None:
    assert local_date(datetime(2026, 2, 23, 15, 59, 59, tzinfo=UTC)) == D(2026, 2, 23)
    assert local_date(datetime(2026, 2, 23, 16, 0, 0, tzinfo=UTC)) == D(2026, 2, 24)
    assert local_date(datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == D(2027, 1, 1)
    assert local_date(datetime(2026, 2, 24, 1, 0, tzinfo=timezone(timedelta(hours=9)))) == D(
        2026, 2, 24
    )
    with pytest.raises(ValueError):
        local_date(datetime(2026, 2, 23, 16, 0, 0))


# --- input guards -----------------------------------------------------------------------------


def test_negative_and_huge_counts_rejected() -> None:
    start = D(2026, 3, 2)
    for bad in (-1, MAX_AMOUNT + 1, 10**9):
        with pytest.raises(ValueError):
            CAL.add_working_days(start, bad)
        with pytest.raises(ValueError):
            add_calendar_days(start, bad)
        with pytest.raises(ValueError):
            Duration(DurationUnit.working_days, bad)
    assert MAX_AMOUNT == 3660
    assert add_calendar_days(start, MAX_AMOUNT) == start + timedelta(days=3660)
    with pytest.raises(ValueError):
        CAL.working_days_between(D(2004, 1, 1), D(2026, 12, 31))


def test_datetime_passed_as_date_rejected() -> None:
    with pytest.raises(TypeError):
        CAL.is_workday(datetime(2026, 2, 23, 16, 0, tzinfo=UTC))
    with pytest.raises(TypeError):
        CAL.add_working_days(D(2026, 3, 2), True)
