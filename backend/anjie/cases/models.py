from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Computed, ForeignKey, Index, String, Text, select, text
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from anjie.core.db import Base, Timestamps
from anjie.core.ids import uuid7
from anjie.orgs.models import OrgUnit

SEARCH_TEXT = "number || ' ' || title || ' ' || demands"


class Case(Timestamps, Base):
    """积案: one backlogged petition case, owned by a unit, inside a campaign."""

    __tablename__ = "petition_case"
    __table_args__ = (
        Index(
            "uq_petition_case_unit_year_seq",
            "org_unit_id",
            "number_year",
            "number_seq",
            unique=True,
        ),
        Index(
            "ix_petition_case_search",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
        # One index per sort of the list's allow-list, so every keyset page is an index range.
        Index("ix_petition_case_keyset", "updated_at", "id"),
        Index("ix_petition_case_registered_on", "registered_on", "id"),
        Index("ix_petition_case_first_petition_on", "first_petition_on", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), index=True)
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    # Unit code (≤ 32) + "-YYYY-" + the sequence: 64 always fits.
    number: Mapped[str] = mapped_column(String(64), unique=True)
    number_year: Mapped[int]
    number_seq: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    registered_on: Mapped[date]
    petition_form: Mapped[str] = mapped_column(String(16))
    first_petition_on: Mapped[date]
    latest_petition_on: Mapped[date | None]
    petition_count: Mapped[int] = mapped_column(server_default=text("1"))
    group_size: Mapped[int] = mapped_column(server_default=text("1"))
    category: Mapped[str] = mapped_column(String(32), index=True)
    decision_organ: Mapped[str | None] = mapped_column(String(100))
    decision_reference: Mapped[str | None] = mapped_column(String(100))
    decision_date: Mapped[date | None]
    decision_effective_on: Mapped[date | None]
    decision_summary: Mapped[str | None] = mapped_column(Text)
    demands: Mapped[str] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    crux: Mapped[str | None] = mapped_column(Text)
    legal_channels: Mapped[list[str]] = mapped_column(
        ARRAY(String(40)), server_default=text("'{}'")
    )
    legal_channels_exhausted: Mapped[bool] = mapped_column(server_default=text("false"))
    petitioned_before_ruling: Mapped[bool] = mapped_column(server_default=text("false"))
    three_cross_flags: Mapped[list[str]] = mapped_column(
        ARRAY(String(40)), server_default=text("'{}'")
    )
    three_cross_note: Mapped[str | None] = mapped_column(Text)
    sensitive_period: Mapped[bool] = mapped_column(server_default=text("false"))
    risk_level: Mapped[str] = mapped_column(String(8), server_default=text("'low'"))
    threat_recorded: Mapped[bool] = mapped_column(server_default=text("false"))
    threat_note: Mapped[str | None] = mapped_column(Text)
    province_visits: Mapped[int] = mapped_column(server_default=text("0"))
    beijing_visits: Mapped[int] = mapped_column(server_default=text("0"))
    last_escalated_visit_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), server_default=text("'registered'"), index=True)
    status_changed_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    outcome_kind: Mapped[str | None] = mapped_column(String(32))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    commitment_signed: Mapped[bool] = mapped_column(server_default=text("false"))
    commitment_signed_on: Mapped[date | None]
    termination_basis: Mapped[str | None] = mapped_column(Text)
    termination_decided_by: Mapped[uuid.UUID | None]
    termination_filing_status: Mapped[str | None] = mapped_column(String(32))
    police_organ: Mapped[str | None] = mapped_column(String(100))
    reopen_count: Mapped[int] = mapped_column(server_default=text("0"))
    created_by: Mapped[uuid.UUID | None]
    search_text: Mapped[str] = mapped_column(Text, Computed(SEARCH_TEXT, persisted=True))
    version: Mapped[int] = mapped_column(server_default=text("1"))
    # Read with the case in the same SELECT: whoever sees a case may see who owns it, even
    # when that unit lies outside their own subtree (an officer of a judicial office).
    org_unit_name: Mapped[str] = column_property(
        select(OrgUnit.name)
        .where(OrgUnit.id == org_unit_id)
        .correlate_except(OrgUnit)
        .scalar_subquery()
    )

    receiving_organs: Mapped[list[CaseReceivingOrgan]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CaseReceivingOrgan.position"
    )
    procedures: Mapped[list[CaseProcedure]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CaseProcedure.position"
    )
    petitioner_links: Mapped[list[CasePetitioner]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CasePetitioner.position"
    )

    __mapper_args__ = {"version_id_col": version}


class CaseReceivingOrgan(Base):
    """受理机关 and its 交办文号."""

    __tablename__ = "case_receiving_organ"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petition_case.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    organ: Mapped[str] = mapped_column(String(40), index=True)
    reference_number: Mapped[str | None] = mapped_column(String(100))
    received_on: Mapped[date | None]


class CaseProcedure(Base):
    """办理 → 复查 → 复核: who decided each stage, when, with which reference."""

    __tablename__ = "case_procedure"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petition_case.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    organ: Mapped[str] = mapped_column(String(100))
    decided_on: Mapped[date | None]
    reference_number: Mapped[str | None] = mapped_column(String(100))
    conclusion: Mapped[str | None] = mapped_column(Text)


class CasePetitioner(Base):
    __tablename__ = "case_petitioner"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petition_case.id", ondelete="CASCADE"), primary_key=True
    )
    petitioner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("petitioner.id"), primary_key=True, index=True
    )
    position: Mapped[int]


class CaseNumberCounter(Base):
    """Per unit and year; an upsert on this row hands out numbers safely under concurrency."""

    __tablename__ = "case_number_counter"

    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int]
