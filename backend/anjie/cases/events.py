"""Facts of the case registry. Every fact about a case, here or in the casework packages,
derives from `CaseFact`, so a subscriber to it hears everything that happens to any case."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.core.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class CaseFact(DomainEvent):
    case_id: uuid.UUID
    org_unit_id: uuid.UUID
    actor_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class CaseRegistered(CaseFact):
    name = "case.registered"
    campaign_id: uuid.UUID
    number: str


@dataclass(frozen=True, kw_only=True)
class CaseUpdated(CaseFact):
    name = "case.updated"
    fields: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class CaseStatusChanged(CaseFact):
    name = "case.status_changed"
    action: str
    from_status: str
    to_status: str


@dataclass(frozen=True, kw_only=True)
class CaseReopened(CaseStatusChanged):
    """A closed case back at work (the petitioner resumed); also a status change."""

    name = "case.reopened"
    reopen_count: int
