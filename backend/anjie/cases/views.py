"""Cases as the API shows them: CaseOut with its derived fields, built for a whole page at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.cases import repository as repo
from anjie.cases.enums import RoleInCase
from anjie.cases.models import Case, CaseProcedure, CaseReceivingOrgan
from anjie.cases.ports import Holder, NextDeadline, deadlines
from anjie.cases.schemas import (
    CaseOut,
    NamedRef,
    NextDeadlineOut,
    ProcedureOut,
    ReceivingOrganOut,
    ScopeReason,
)
from anjie.petitioners import service as petitioners
from anjie.petitioners.models import Petitioner

# Columns a client writes directly; the same list feeds the audit snapshot.
FIELDS = (
    "campaign_id",
    "title",
    "registered_on",
    "petition_form",
    "first_petition_on",
    "latest_petition_on",
    "petition_count",
    "group_size",
    "category",
    "decision_organ",
    "decision_reference",
    "decision_date",
    "decision_effective_on",
    "decision_summary",
    "demands",
    "cause",
    "crux",
    "legal_channels",
    "legal_channels_exhausted",
    "petitioned_before_ruling",
    "three_cross_flags",
    "three_cross_note",
    "sensitive_period",
    "risk_level",
    "threat_recorded",
    "threat_note",
    "province_visits",
    "beijing_visits",
    "last_escalated_visit_on",
)


def scope_reason(case: Case, cutoff: date) -> ScopeReason | None:
    """None when in scope: first received on or before the campaign's cut-off date."""
    if case.first_petition_on <= cutoff:
        return None
    return ScopeReason(
        code="first_petition_after_cutoff",
        cutoff_date=cutoff,
        zh_cn=(
            f"首次信访日期（{case.first_petition_on}）晚于专项活动截止日期（{cutoff}），"
            "不属于本次清理范围"
        ),
        en=(
            f"First petitioned on {case.first_petition_on}, after the campaign's cut-off date "
            f"{cutoff}: not in the campaign's scope"
        ),
    )


def _ref(holder: Holder | None) -> NamedRef | None:
    return NamedRef(id=holder.id, name=holder.name) if holder else None


def to_out(
    case: Case,
    cutoff: date,
    people: Sequence[Petitioner],
    holders: dict[str, Holder],
    next_deadline: NextDeadline | None = None,
) -> CaseOut:
    reason = scope_reason(case, cutoff)
    return CaseOut.model_validate(
        {
            **{name: getattr(case, name) for name in FIELDS},
            "id": case.id,
            "number": case.number,
            "org_unit_id": case.org_unit_id,
            "org_unit_name": case.org_unit_name,
            "receiving_organs": [
                ReceivingOrganOut(
                    organ=o.organ, reference_number=o.reference_number, received_on=o.received_on
                )
                for o in case.receiving_organs
            ],
            "procedures": [
                ProcedureOut(
                    stage=p.stage,
                    organ=p.organ,
                    decided_on=p.decided_on,
                    reference_number=p.reference_number,
                    conclusion=p.conclusion,
                )
                for p in case.procedures
            ],
            "three_cross": bool(case.three_cross_flags),
            "petitioners": [petitioners.to_out(p) for p in people],
            "in_scope": reason is None,
            "out_of_scope_reason": reason,
            "status": case.status,
            "status_changed_at": case.status_changed_at,
            "outcome_kind": case.outcome_kind,
            "outcome_note": case.outcome_note,
            "commitment_signed": case.commitment_signed,
            "commitment_signed_on": case.commitment_signed_on,
            "termination_basis": case.termination_basis,
            "termination_decided_by": case.termination_decided_by,
            "termination_filing_status": case.termination_filing_status,
            "police_organ": case.police_organ,
            "reopen_count": case.reopen_count,
            "responsible_leader": _ref(holders.get(RoleInCase.responsible_leader)),
            "responsible_department": _ref(holders.get(RoleInCase.responsible_department)),
            "responsible_person": _ref(holders.get(RoleInCase.responsible_person)),
            "next_deadline": NextDeadlineOut(
                id=next_deadline.id,
                kind=next_deadline.kind,
                due_at=next_deadline.due_at,
                overdue=next_deadline.overdue,
            )
            if next_deadline
            else None,
            "version": case.version,
            "created_at": case.created_at,
            "updated_at": case.updated_at,
        }
    )


async def outs(session: AsyncSession, rows: Sequence[repo.CaseRow]) -> list[CaseOut]:
    """CaseOut for each row, with three more statements however many rows there are."""
    if not rows:
        return []
    ids = [case.id for case, _ in rows]
    people = await repo.petitioners_of(session, ids)
    holders = await repo.responsibles_of(session, ids)
    nexts = await deadlines().next_of(session, ids)
    return [
        to_out(case, cutoff, people.get(case.id, []), holders.get(case.id, {}), nexts.get(case.id))
        for case, cutoff in rows
    ]


def snapshot_organs(organs: Sequence[CaseReceivingOrgan]) -> list[dict[str, Any]]:
    return [
        {"organ": o.organ, "reference_number": o.reference_number, "received_on": o.received_on}
        for o in organs
    ]


def snapshot_procedures(procedures: Sequence[CaseProcedure]) -> list[dict[str, Any]]:
    return [
        {
            "stage": p.stage,
            "organ": p.organ,
            "decided_on": p.decided_on,
            "reference_number": p.reference_number,
            "conclusion": p.conclusion,
        }
        for p in procedures
    ]


def snapshot(case: Case) -> dict[str, Any]:
    """What the audit trail keeps of a case: the client-written fields, petitioners by id."""
    data: dict[str, Any] = {name: getattr(case, name) for name in FIELDS}
    data["number"] = case.number
    data["org_unit_id"] = case.org_unit_id
    data["receiving_organs"] = snapshot_organs(case.receiving_organs)
    data["procedures"] = snapshot_procedures(case.procedures)
    data["petitioner_ids"] = [link.petitioner_id for link in case.petitioner_links]
    return data
