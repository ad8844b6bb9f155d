from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class OrgKind(StrEnum):
    province = "province"
    city = "city"
    county = "county"
    committee = "committee"
    bureau = "bureau"
    section = "section"
    office = "office"
    judicial_office = "judicial_office"


class OrgUnit(Timestamps, Base):
    __tablename__ = "org_unit"
    __table_args__ = (
        # Materialised path "/<root id>/…/<own id>/": a subtree is one indexed prefix match.
        Index("ix_org_unit_path", "path", postgresql_ops={"path": "text_pattern_ops"}),
        CheckConstraint("kind IN " + str(tuple(k.value for k in OrgKind)), name="kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True
    )
    path: Mapped[str] = mapped_column(String(2000))
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    region_code: Mapped[str | None] = mapped_column(String(12))
    is_active: Mapped[bool] = mapped_column(server_default=text("true"))
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}
