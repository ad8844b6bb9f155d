from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ARRAY, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base
from anjie.core.ids import uuid7


class PlanStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    approved = "approved"
    returned = "returned"


class Measure(StrEnum):
    peoples_mediation = "peoples_mediation"
    grand_mediation = "grand_mediation"
    public_hearing = "public_hearing"
    lawyer_participation = "lawyer_participation"
    expert_consultation = "expert_consultation"
    relief = "relief"
    counselling = "counselling"
    correction = "correction"
    legal_handling = "legal_handling"


class PlanVersion(Base):
    """化解方案（五定）: every saved version is a row; the newest is the case's plan."""

    __tablename__ = "plan_version"
    __table_args__ = (Index("uq_plan_version_case_no", "case_id", "version_no", unique=True),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id", ondelete="CASCADE"))
    version_no: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    personnel: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    measures_detail: Mapped[str | None] = mapped_column(Text)
    time_limit: Mapped[date | None]
    requirements: Mapped[str | None] = mapped_column(Text)
    expected_effect: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[uuid.UUID]
    created_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[uuid.UUID | None]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[uuid.UUID | None]
    decision_comment: Mapped[str | None] = mapped_column(Text)
