from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base
from anjie.core.ids import uuid7

OWNER_TYPES = ("case", "hearing", "relief_application", "check_in", "supervision_reply")


class Attachment(Base):
    """One uploaded file. Immutable: a wrong file is replaced by uploading another."""

    __tablename__ = "attachment"
    __table_args__ = (
        Index("ix_attachment_owner", "owner_type", "owner_id"),
        CheckConstraint(
            "owner_type IN (" + ", ".join(f"'{t}'" for t in OWNER_TYPES) + ")", name="owner_type"
        ),
        # An attachment on the case itself must name that case as its scope.
        CheckConstraint("owner_type <> 'case' OR owner_id = case_id", name="case_owner"),
        CheckConstraint("size_bytes >= 0", name="size_bytes"),
        CheckConstraint("octet_length(sha256) = 32", name="sha256"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    # The case the owner belongs to: reads are scoped through it (404 outside).
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petition_case.id", ondelete="CASCADE"), index=True
    )
    owner_type: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[uuid.UUID]
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    extension: Mapped[str] = mapped_column(String(8))
    size_bytes: Mapped[int]
    sha256: Mapped[bytes] = mapped_column(LargeBinary)
    description: Mapped[str | None] = mapped_column(Text)
    uploaded_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(server_default=func.now())
