"""In-app notifications (通知): one row per recipient and source, delivered further by channels."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base
from anjie.core.ids import uuid7


class NotificationKind(StrEnum):
    assignment = "assignment"
    plan_submitted = "plan_submitted"
    plan_approved = "plan_approved"
    plan_returned = "plan_returned"
    reminder = "reminder"
    overdue = "overdue"
    escalation = "escalation"
    accountability = "accountability"
    notice_issued = "notice_issued"
    notice_replied = "notice_replied"
    notice_closed = "notice_closed"
    notice_returned = "notice_returned"


class Notification(Base):
    """`source_key` names what caused it (`deadline:{id}:overdue`, `assignment:{id}`): unique per
    recipient, so the same cause never notifies the same person twice, whoever repeats it."""

    __tablename__ = "notification"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(32))
    source_key: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("petition_case.id"))
    deadline_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("deadline.id"))
    notice_id: Mapped[uuid.UUID | None]
    title_zh: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
