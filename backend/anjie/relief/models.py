from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class ReliefKind(StrEnum):
    hardship = "hardship"
    medical = "medical"
    education = "education"
    funeral = "funeral"
    other = "other"


class Step(StrEnum):
    draft = "draft"
    submitted = "submitted"
    unit_opinion = "unit_opinion"
    reviewed = "reviewed"
    approved = "approved"
    rejected = "rejected"
    disbursed = "disbursed"
    notified = "notified"


class ReliefAction(StrEnum):
    """The explicit actions that move an application on from its draft."""

    submit = "submit"
    unit_opinion = "unit_opinion"
    review = "review"
    approve = "approve"
    reject = "reject"
    disburse = "disburse"
    notify = "notify"


# Money has been granted: the partial unique index of the migration uses the same list.
GRANTED = frozenset({Step.approved, Step.disbursed, Step.notified})


class ReliefApplication(Timestamps, Base):
    """司法救助申请: one applicant of one case; decided step by step (see relief/workflow.py)."""

    __tablename__ = "relief_application"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id"), index=True)
    applicant_petitioner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petitioner.id"), index=True
    )
    province_code: Mapped[str] = mapped_column(String(2), server_default=text("'51'"))
    kind: Mapped[str] = mapped_column(String(16))
    hardship_facts: Mapped[str] = mapped_column(Text)
    amount_requested: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    earlier_compensation: Mapped[str | None] = mapped_column(Text)
    step: Mapped[str] = mapped_column(String(16), server_default=text("'draft'"))
    # When the current step's time limit runs out; None while no clock runs.
    due_at: Mapped[datetime | None]
    amount_approved: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    exceptional: Mapped[bool] = mapped_column(server_default=text("false"))
    exceptional_reason: Mapped[str | None] = mapped_column(Text)
    # The cap and the standard's year as they stood at approval, for the record.
    cap_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    standard_year: Mapped[int | None] = mapped_column(Integer)
    submitted_by: Mapped[uuid.UUID | None]
    submitted_at: Mapped[datetime | None]
    reviewed_by: Mapped[uuid.UUID | None]
    first_approver_id: Mapped[uuid.UUID | None]
    first_approved_at: Mapped[datetime | None]
    decided_by: Mapped[uuid.UUID | None]
    decided_at: Mapped[datetime | None]
    commitment_signed: Mapped[bool] = mapped_column(server_default=text("false"))
    commitment_signed_on: Mapped[date | None]
    created_by: Mapped[uuid.UUID]
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}


class ReliefStepEntry(Base):
    """One action on an application: who moved it to which step, when, with what opinion."""

    __tablename__ = "relief_step"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("relief_application.id", ondelete="CASCADE")
    )
    action: Mapped[str] = mapped_column(String(16))
    step: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID]
    at: Mapped[datetime]
    opinion: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    due_at: Mapped[datetime | None]


class ReliefWageStandard(Base):
    """A province's average monthly wage for a year: reference data setting the relief cap."""

    __tablename__ = "relief_wage_standard"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    average_monthly_wage: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    multiple: Mapped[int] = mapped_column(Integer, server_default=text("36"))
    entered_by: Mapped[uuid.UUID | None]
    entered_at: Mapped[datetime]
