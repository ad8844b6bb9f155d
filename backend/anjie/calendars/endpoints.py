from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.calendars import service
from anjie.calendars.schemas import WorkingDaysOut, YearArrangement, YearOut
from anjie.core.calendar import MAX_AMOUNT
from anjie.core.db import SessionDep

router = APIRouter(prefix="/calendar", tags=["calendar"])

Reader = Annotated[Principal, Depends(Authorize(Permission.calendar_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.calendar_write))]
Year = Annotated[int, Path(ge=2000, le=2200)]


@router.get("/years/{year}", operation_id="getCalendarYear")
async def get_calendar_year(year: Year, session: SessionDep, principal: Reader) -> YearOut:
    """A year's weekday holidays and adjusted working weekends (409 if the year is unknown)."""
    return await service.get_year(session, year)


@router.put("/years/{year}", operation_id="enterCalendarYear")
async def enter_calendar_year(
    year: Year, body: YearArrangement, session: SessionDep, principal: Writer
) -> YearOut:
    """Enter (or correct) a year's State Council holiday arrangement."""
    return await service.enter_year(session, principal, year, body)


@router.get("/working-days", operation_id="addWorkingDays")
async def add_working_days(
    session: SessionDep,
    principal: Reader,
    start: date,
    days: Annotated[int, Query(ge=0, le=MAX_AMOUNT)],
) -> WorkingDaysOut:
    """The date `days` working days after `start`, and its deadline (23:59:59 Asia/Shanghai)."""
    return await service.add_working_days(session, start, days)
