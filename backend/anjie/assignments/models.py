from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.cases.enums import RoleInCase
from anjie.core.db import Base
from anjie.core.ids import uuid7

# At most one active holder of each of these per case; team members are many.
SINGLE_ROLES = (
    RoleInCase.responsible_leader,
    RoleInCase.responsible_department,
    RoleInCase.responsible_person,
    RoleInCase.first_responsible,
    RoleInCase.main_responsible,
)


class Assignment(Base):
    """包案: a person or department holding a role on a case, from one time to another."""

    __tablename__ = "case_assignment"
    __table_args__ = (
        Index(
            "uq_case_assignment_single_active",
            "case_id",
            "role_in_case",
            unique=True,
            postgresql_where=text("ended_at IS NULL AND role_in_case <> 'team_member'"),
        ),
        Index(
            "uq_case_assignment_member_active",
            "case_id",
            "user_id",
            unique=True,
            postgresql_where=text("ended_at IS NULL AND role_in_case = 'team_member'"),
        ),
        Index(
            "ix_case_assignment_user_active",
            "user_id",
            "case_id",
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petition_case.id", ondelete="CASCADE"), index=True
    )
    role_in_case: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    org_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    assigned_by: Mapped[uuid.UUID]
    ended_by: Mapped[uuid.UUID | None]
    reason: Mapped[str | None] = mapped_column(Text)
    end_reason: Mapped[str | None] = mapped_column(Text)
