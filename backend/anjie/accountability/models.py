"""Accountability records (责任倒查记录): a missed deadline, who held the case then, the finding
and a leader's decision. Never deleted (a trigger refuses DELETE): decided, never removed."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import UUID as PgUUID
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class AccountabilityStatus(StrEnum):
    open = "open"
    decided = "decided"


class AccountabilityDecision(StrEnum):
    none = "none"
    talk = "talk"
    circulated_criticism = "circulated_criticism"
    referral = "referral"


class AccountabilityRecord(Timestamps, Base):
    __tablename__ = "accountability_record"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id"))
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"))
    deadline_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(PgUUID(as_uuid=True)))
    # Who held the case when the deadline passed, as they were named then (a snapshot: later
    # assignments and renames do not change whom the record concerns).
    persons: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    opened_at: Mapped[datetime]
    opened_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    # `deadline:{id}` when the worker opened it, so a deadline is reviewed once.
    source_key: Mapped[str | None] = mapped_column(String(200))
    finding: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(32))
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}
