from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class Petitioner(Timestamps, Base):
    """信访人. ID number and phone are stored encrypted (AES-GCM) with a keyed blind index for
    exact lookup; only their masked forms are kept in clear."""

    __tablename__ = "petitioner"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str | None] = mapped_column(String(8))
    birth_date: Mapped[date | None]
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    pii_kid: Mapped[str] = mapped_column(String(32))
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_bidx: Mapped[bytes | None] = mapped_column(LargeBinary(32), index=True)
    id_number_masked: Mapped[str | None] = mapped_column(String(18))
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_masked: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))
    household_registration_place: Mapped[str | None] = mapped_column(String(200))
    residence_place: Mapped[str | None] = mapped_column(String(200))
    occupation: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}
