from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from anjie.core.schemas import ApiModel, NoNul

HolidayName = Annotated[str, Field(min_length=1, max_length=50), NoNul]


class HolidayDay(ApiModel):
    day: date
    name: HolidayName | None = None


class YearArrangement(ApiModel):
    """A year's State Council holiday arrangement: the weekday holidays and the weekend workdays."""

    notice_reference: Annotated[str, Field(max_length=100), NoNul] | None = None
    holidays: Annotated[list[HolidayDay], Field(max_length=60)]
    workdays: Annotated[list[HolidayDay], Field(max_length=30)]


class DayInfo(BaseModel):
    day: date
    is_workday: bool
    name: str | None


class YearOut(BaseModel):
    year: int
    source: str
    notice_reference: str | None
    days: list[DayInfo] = Field(description="Weekday holidays and weekend working days")


class WorkingDaysOut(BaseModel):
    start: date
    days: int
    result: date
    due_at: str
