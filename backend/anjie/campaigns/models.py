from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7


class Phase(StrEnum):
    mobilisation = "mobilisation"
    census = "census"
    concentrated_resolution = "concentrated_resolution"
    summary_acceptance = "summary_acceptance"


class Campaign(Timestamps, Base):
    __tablename__ = "campaign"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    document_reference: Mapped[str | None] = mapped_column(String(100))
    cutoff_date: Mapped[date]
    resolution_target: Mapped[date]
    self_inspection_due: Mapped[date | None]
    version: Mapped[int] = mapped_column(server_default=text("1"))

    phases: Mapped[list[CampaignPhase]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CampaignPhase.starts_on"
    )

    __mapper_args__ = {"version_id_col": version}


class CampaignPhase(Base):
    __tablename__ = "campaign_phase"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True
    )
    phase: Mapped[str] = mapped_column(String(32), primary_key=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
