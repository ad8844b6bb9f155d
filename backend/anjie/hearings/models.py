from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class HearingKind(StrEnum):
    public_hearing = "public_hearing"
    mediation = "mediation"
    expert_consultation = "expert_consultation"
    lawyer_session = "lawyer_session"
    leader_reception = "leader_reception"


class HearingStatus(StrEnum):
    scheduled = "scheduled"
    held = "held"
    postponed = "postponed"
    cancelled = "cancelled"


class ParticipantKind(StrEnum):
    petitioner = "petitioner"
    agent = "agent"
    official = "official"
    lawyer = "lawyer"
    expert = "expert"
    peoples_deputy = "peoples_deputy"
    cppcc_member = "cppcc_member"
    representative = "representative"
    relative = "relative"
    mediator = "mediator"


class Hearing(Timestamps, Base):
    """听证 / 调解 / 会诊 / 接访 on a case: when, where, who chairs; once held, the record."""

    __tablename__ = "hearing"
    __table_args__ = (
        Index("ix_hearing_case_starts", "case_id", "starts_at"),
        Index("ix_hearing_keyset", "starts_at", "id"),
        Index("ix_hearing_chair_user_id", "chair_user_id"),
        Index(
            "ix_hearing_clerk_user_id",
            "clerk_user_id",
            postgresql_where=text("clerk_user_id IS NOT NULL"),
        ),
        # The conflict check asks "which scheduled hearings overlap this range": a GiST index on
        # the range answers it without scanning the calendar.
        Index(
            "ix_hearing_scheduled_during",
            func.tstzrange(text("starts_at"), text("ends_at"), text("'[)'")),
            postgresql_using="gist",
            postgresql_where=text("status = 'scheduled'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), server_default=text("'scheduled'"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    duration_minutes: Mapped[int]
    place: Mapped[str] = mapped_column(String(200))
    # Trimmed, whitespace-collapsed, case-folded: "302 会议室" and " 302  会议室" are one room.
    place_norm: Mapped[str] = mapped_column(String(200))
    chair_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    clerk_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    notice_sent_at: Mapped[datetime | None]
    public: Mapped[bool]
    conflict_override_reason: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    held_at: Mapped[datetime | None]
    postponed_at: Mapped[datetime | None]
    postpone_reason: Mapped[str | None] = mapped_column(Text)
    next_starts_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID]
    version: Mapped[int] = mapped_column(server_default=text("1"))

    participants: Mapped[list[HearingParticipant]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="HearingParticipant.position"
    )

    __mapper_args__ = {"version_id_col": version}


class HearingParticipant(Base):
    """Someone taking part. Names are kept as written at the time: the record must not change
    when an account or a petitioner is renamed later."""

    __tablename__ = "hearing_participant"
    __table_args__ = (
        Index(
            "ix_hearing_participant_user_id",
            "user_id",
            postgresql_where=text("user_id IS NOT NULL"),
        ),
    )

    hearing_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("hearing.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    petitioner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("petitioner.id"))
    name: Mapped[str] = mapped_column(String(100))
    organisation: Mapped[str | None] = mapped_column(String(200))


class CalendarToken(Base):
    """One iCalendar feed token per user; only its sha256 is stored."""

    __tablename__ = "hearing_calendar_token"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    created_at: Mapped[datetime]
