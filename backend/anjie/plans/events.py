"""Facts of the resolution plan (五定): a version saved, submitted, approved or returned."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class PlanFact(CaseFact):
    plan_id: uuid.UUID
    version_no: int
    # 定时限: the date the plan promises the case resolved by (None while not fixed).
    time_limit: date | None


@dataclass(frozen=True, kw_only=True)
class PlanSaved(PlanFact):
    name = "plan.saved"


@dataclass(frozen=True, kw_only=True)
class PlanSubmitted(PlanFact):
    name = "plan.submitted"


@dataclass(frozen=True, kw_only=True)
class PlanApproved(PlanFact):
    name = "plan.approved"


@dataclass(frozen=True, kw_only=True)
class PlanReturned(PlanFact):
    name = "plan.returned"
