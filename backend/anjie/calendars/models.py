from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base


class CalendarYear(Base):
    """A year whose State Council holiday arrangement an admin entered (all its overrides)."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notice_reference: Mapped[str | None] = mapped_column(String(100))
    entered_by: Mapped[uuid.UUID | None]
    entered_at: Mapped[datetime]


class CalendarDay(Base):
    """One overridden day: a holiday on a weekday, or an adjusted working weekend."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    is_workday: Mapped[bool]
    name: Mapped[str | None] = mapped_column(String(50))
