"""Deadlines (时限) and their rules: one model for every clock the system keeps."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class DeadlineStatus(StrEnum):
    open = "open"
    met = "met"
    overdue = "overdue"
    met_late = "met_late"
    waived = "waived"


RUNNING = (DeadlineStatus.open.value, DeadlineStatus.overdue.value)


class SubjectType(StrEnum):
    case = "case"
    relief_application = "relief_application"
    hearing = "hearing"
    supervision_notice = "supervision_notice"
    campaign = "campaign"


class Deadline(Timestamps, Base):
    __tablename__ = "deadline"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    kind: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("petition_case.id"))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("campaign.id"))
    # Whose subtree sees it: the case's unit, or the campaign's.
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"))
    responsible_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    responsible_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    unit: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date]
    # The last day as the rule gives it; `due_on` adds paused days and the extension.
    base_due_on: Mapped[date]
    due_on: Mapped[date]
    due_at: Mapped[datetime]
    # Counted in calendar days into a year whose holidays are not entered yet: the roll-forward
    # is owed until that year's arrangement is entered (then it is recomputed).
    due_provisional: Mapped[bool] = mapped_column(server_default=text("false"))
    status: Mapped[str] = mapped_column(String(16))
    paused_at: Mapped[datetime | None]
    paused_days: Mapped[int] = mapped_column(server_default=text("0"))
    pause_reason: Mapped[str | None] = mapped_column(Text)
    extension_days: Mapped[int | None]
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extended_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    extended_at: Mapped[datetime | None]
    escalation_level: Mapped[int] = mapped_column(server_default=text("0"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    close_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}


class DeadlineStep(Base):
    """One effect of the worker on a deadline (overdue, a reminder, an escalation level, the
    accountability review): the primary key makes each happen once, whatever runs it."""

    __tablename__ = "deadline_step"

    deadline_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deadline.id"), primary_key=True)
    step: Mapped[str] = mapped_column(String(32), primary_key=True)
    at: Mapped[datetime]
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class DeadlineRule(Base):
    """A campaign's own setting of one kind's rule; kinds it does not set follow the defaults."""

    __tablename__ = "deadline_rule"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    active: Mapped[bool]
    amount: Mapped[int]
    unit: Mapped[str] = mapped_column(String(16))
    reminder_lead_days: Mapped[int]
    escalation_days: Mapped[list[int]] = mapped_column(ARRAY(Integer))
    accountability_grace_days: Mapped[int]
    max_extension_days: Mapped[int]
    updated_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}
