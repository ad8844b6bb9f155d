"""Supervision notices (督办通知书), their number counter and the replies to them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class NoticeStatus(StrEnum):
    open = "open"
    replied = "replied"
    closed = "closed"
    returned = "returned"


# A reply is owed in these states; the reply deadline runs in them.
AWAITING_REPLY = (NoticeStatus.open.value, NoticeStatus.returned.value)


class SupervisionNotice(Timestamps, Base):
    __tablename__ = "supervision_notice"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    # 文号, e.g. 县司法局督〔2026〕3号: unique per issuing unit and year.
    number: Mapped[str] = mapped_column(String(60))
    number_year: Mapped[int]
    number_seq: Mapped[int]
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id"))
    # The case's unit: whose subtree sees the notice.
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"))
    issuing_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"))
    issued_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    issued_at: Mapped[datetime]
    to_user_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)))
    to_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    reason: Mapped[str] = mapped_column(Text)
    requirements: Mapped[str] = mapped_column(Text)
    reply_due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(16))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    close_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}


class SupervisionNoticeCounter(Base):
    """Per issuing unit and year; an upsert on this row hands out numbers under concurrency."""

    __tablename__ = "supervision_notice_counter"

    issuing_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int]


class SupervisionReply(Base):
    """The responsible side's written report on a notice (反馈); a returned notice gets another."""

    __tablename__ = "supervision_reply"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    notice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervision_notice.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
