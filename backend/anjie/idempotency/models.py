from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base


class IdempotencyRecord(Base):
    """The stored answer to a create request, replayed when the same key comes back."""

    __tablename__ = "idempotency_record"
    __table_args__ = (Index("ix_idempotency_record_created_at", "created_at"),)

    principal_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(300))
    body_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    status: Mapped[int]
    response: Mapped[Any] = mapped_column(JSONB)
    headers: Mapped[dict[str, str]] = mapped_column(JSONB)
    created_at: Mapped[datetime]
