"""The working-day calendar as the app uses it: the package's data plus the admin's overrides."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.calendars import repository as repo
from anjie.calendars.errors import ArrangementInvalid, CalendarYearUnknownError
from anjie.calendars.events import CalendarYearEntered
from anjie.calendars.schemas import DayInfo, WorkingDaysOut, YearArrangement, YearOut
from anjie.core import clock
from anjie.core.calendar import (
    CalendarYearUnknown,
    DayOverride,
    WorkCalendar,
    due_at,
)
from anjie.core.events import publish


async def load(session: AsyncSession) -> WorkCalendar:
    """A calendar with every override in the database (a few dozen rows per entered year)."""
    days, years = await repo.all_overrides(session)
    return WorkCalendar(
        (DayOverride(d.day, d.is_workday, d.name) for d in days), override_years=years
    )


async def get_year(session: AsyncSession, year: int) -> YearOut:
    calendar = await load(session)
    entered = await repo.get_year(session, year)
    days: list[DayInfo] = []
    day = date(year, 1, 1)
    try:
        while day.year == year:
            weekend = day.weekday() >= 5
            workday = calendar.is_workday(day)
            if workday == weekend:
                days.append(DayInfo(day=day, is_workday=workday, name=calendar.holiday_name(day)))
            day += timedelta(days=1)
    except CalendarYearUnknown as exc:
        raise CalendarYearUnknownError(year=exc.year) from exc
    return YearOut(
        year=year,
        source="override" if entered else "package",
        notice_reference=entered.notice_reference if entered else None,
        days=days,
    )


async def enter_year(
    session: AsyncSession, principal: Principal, year: int, data: YearArrangement
) -> YearOut:
    rows: dict[date, tuple[date, bool, str | None]] = {}
    for item, is_workday in [(h, False) for h in data.holidays] + [
        (w, True) for w in data.workdays
    ]:
        if item.day.year != year:
            raise ArrangementInvalid(problem=f"{item.day} is not in {year}")
        if item.day in rows:
            raise ArrangementInvalid(problem=f"{item.day} is listed twice")
        rows[item.day] = (item.day, is_workday, item.name)
    await repo.replace_year(
        session,
        year,
        sorted(rows.values()),
        notice_reference=data.notice_reference,
        entered_by=principal.id,
        entered_at=clock.now(),
    )
    await audit.record(
        session,
        principal,
        "calendar.enter_year",
        entity_type="calendar_year",
        entity_id=str(year),
        org_unit_id=principal.org_unit_id,
        org_path=principal.org_path,
        after=data.model_dump(mode="json"),
    )
    await publish(session, CalendarYearEntered(year=year))
    return await get_year(session, year)


async def add_working_days(session: AsyncSession, start: date, days: int) -> WorkingDaysOut:
    calendar = await load(session)
    try:
        result = calendar.add_working_days(start, days)
    except CalendarYearUnknown as exc:
        raise CalendarYearUnknownError(year=exc.year) from exc
    except OverflowError as exc:
        # The walk ran past 9999-12-31, into a year no calendar knows.
        raise CalendarYearUnknownError(year=date.max.year + 1) from exc
    return WorkingDaysOut(start=start, days=days, result=result, due_at=due_at(result).isoformat())
