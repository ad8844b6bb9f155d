from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.calendars.models import CalendarDay, CalendarYear


async def all_overrides(session: AsyncSession) -> tuple[Sequence[CalendarDay], Sequence[int]]:
    days = (await session.scalars(select(CalendarDay))).all()
    years = (await session.scalars(select(CalendarYear.year))).all()
    return days, years


async def get_year(session: AsyncSession, year: int) -> CalendarYear | None:
    return await session.get(CalendarYear, year)


async def days_of_year(session: AsyncSession, year: int) -> Sequence[CalendarDay]:
    query = select(CalendarDay).where(
        CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31)
    )
    return (await session.scalars(query.order_by(CalendarDay.day))).all()


async def replace_year(
    session: AsyncSession,
    year: int,
    days: list[tuple[date, bool, str | None]],
    *,
    notice_reference: str | None,
    entered_by: uuid.UUID,
    entered_at: datetime,
) -> None:
    await session.execute(
        delete(CalendarDay).where(
            CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31)
        )
    )
    for day, is_workday, name in days:
        session.add(CalendarDay(day=day, is_workday=is_workday, name=name))
    stmt = insert(CalendarYear).values(
        year=year, notice_reference=notice_reference, entered_by=entered_by, entered_at=entered_at
    )
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[CalendarYear.year],
            set_={
                "notice_reference": stmt.excluded.notice_reference,
                "entered_by": stmt.excluded.entered_by,
                "entered_at": stmt.excluded.entered_at,
            },
        )
    )
    await session.flush()
