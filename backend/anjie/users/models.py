from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, func, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from anjie.access.roles import Role
from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class User(Timestamps, Base):
    __tablename__ = "app_user"
    __table_args__ = (
        Index("uq_app_user_username", func.lower(text("username")), unique=True),
        CheckConstraint(
            "roles <@ ARRAY" + str([r.value for r in Role]) + "::varchar[]", name="roles"
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    org_unit_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True
    )
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    post: Mapped[str | None] = mapped_column(String(100))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(16)), server_default=text("'{}'"))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(server_default=text("true"))
    # Bumped on password change, disabling and role changes: access tokens carry it, so every
    # token issued before the bump stops working at once.
    token_version: Mapped[int] = mapped_column(server_default=text("1"))
    version: Mapped[int] = mapped_column(server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}
