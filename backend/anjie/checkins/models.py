from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base
from anjie.core.ids import uuid7


class VisitManner(StrEnum):
    in_person = "in_person"
    phone = "phone"
    other = "other"


class Attitude(StrEnum):
    satisfied = "satisfied"
    accepting = "accepting"
    dissatisfied = "dissatisfied"
    still_petitioning = "still_petitioning"
    unreachable = "unreachable"


# The attitudes that confirm the petitioner has stopped petitioning (息诉罢访).
CONFIRMING = frozenset({Attitude.satisfied, Attitude.accepting})


def _one_of(column: str, enum: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(m.value) for m in enum)})"


class CheckIn(Base):
    """回访: one return visit, usually captured offline on a phone and synced later.

    Never edited after it is recorded (a correction is a new visit), so `received_at` is also
    its last change — lists filter `updated_after` on it.
    """

    __tablename__ = "check_in"
    __table_args__ = (
        CheckConstraint(_one_of("manner", VisitManner), name="manner"),
        CheckConstraint(_one_of("attitude", Attitude), name="attitude"),
        CheckConstraint("NOT could_not_visit OR attitude = 'unreachable'", name="not_visited"),
        CheckConstraint(
            "(gps_lat IS NULL) = (gps_lon IS NULL) "
            "AND (gps_lat IS NULL) = (gps_accuracy_m IS NULL)",
            name="gps_complete",
        ),
        CheckConstraint(
            "gps_lat BETWEEN -90 AND 90 AND gps_lon BETWEEN -180 AND 180 "
            "AND gps_accuracy_m BETWEEN 0 AND 10000",
            name="gps_range",
        ),
        # Serves one case's list and the "latest visit" of the resolve guard (scanned backwards).
        Index("ix_check_in_case_visited", "case_id", "visited_at", "id"),
        Index("ix_check_in_visited", "visited_at", "id"),
        Index("ix_check_in_attitude_visited", "attitude", "visited_at", "id"),
        Index("ix_check_in_received_at", "received_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id", ondelete="CASCADE"))
    # The phone's UUID for this visit (also its Idempotency-Key): one visit, one row, forever —
    # even after the 30-day idempotency records are purged.
    client_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    visited_at: Mapped[datetime]
    received_at: Mapped[datetime]
    recorded_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    manner: Mapped[str] = mapped_column(String(16))
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    gps_accuracy_m: Mapped[float | None] = mapped_column(Float)
    place: Mapped[str | None] = mapped_column(String(200))
    people_met: Mapped[str | None] = mapped_column(String(500))
    attitude: Mapped[str] = mapped_column(String(24))
    could_not_visit: Mapped[bool] = mapped_column(server_default=text("false"))
    threats_recorded: Mapped[bool] = mapped_column(server_default=text("false"))
    threat_note: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    next_visit_on: Mapped[date | None]


class CheckInOfficer(Base):
    """Who made the visit. A link table (not a uuid[]) so every id is a real user (foreign key)
    and the `officer` filter is a plain index lookup."""

    __tablename__ = "check_in_officer"
    __table_args__ = (Index("ix_check_in_officer_user", "user_id", "check_in_id"),)

    check_in_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("check_in.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    # The order the phone listed them in (the first is usually the one who wrote it down).
    position: Mapped[int]
