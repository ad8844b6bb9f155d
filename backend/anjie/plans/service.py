"""化解方案（五定）: drafted by the case's workers, submitted, decided by another leader.

Every save is a new version row, so what a leader approved is never edited afterwards. Rules:
- the newest version is "the plan" shown to users;
- a draft (anyone's) or a returned plan is superseded by saving a new version;
- a submitted plan is frozen until a leader approves or returns it;
- after approval a new draft may be started (re-planning); the case keeps working by the newest
  approved version (`in_force`) until a newer one is approved.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.enums import CLOSED_STATUSES
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.repository import JoinedRow
from anjie.plans import events
from anjie.plans import repository as repo
from anjie.plans.errors import (
    PlanAuthorCannotApprove,
    PlanCaseClosed,
    PlanIncomplete,
    PlanNotDraft,
    PlanNotFound,
    PlanNotSubmitted,
    PlanSubmitted,
)
from anjie.plans.models import Measure, PlanStatus, PlanVersion
from anjie.plans.schemas import PlanApprove, PlanIn, PlanOut, PlanReturn
from anjie.users.schemas import UserRef

# A closed case is not re-planned; reopening it (a petitioner resumed) makes it plannable again.
CLOSED = CLOSED_STATUSES


def missing_fixes(plan: PlanVersion) -> list[str]:
    """The five fixes still empty, in the order officials list them."""
    present = {
        "personnel": bool(plan.personnel),
        "measures": bool(plan.measures),
        "time_limit": plan.time_limit is not None,
        "requirements": bool(plan.requirements),
        "expected_effect": bool(plan.expected_effect),
    }
    return [name for name, ok in present.items() if not ok]


def _ref(user_id: uuid.UUID | None, name: str | None) -> UserRef | None:
    return UserRef(id=user_id, display_name=name) if user_id and name is not None else None


def to_out(row: JoinedRow, in_force_id: uuid.UUID | None) -> PlanOut:
    p: PlanVersion = row[0]
    return PlanOut(
        id=p.id,
        case_id=p.case_id,
        version_no=p.version_no,
        status=PlanStatus(p.status),
        personnel=p.personnel,
        measures=[Measure(m) for m in p.measures],
        measures_detail=p.measures_detail,
        time_limit=p.time_limit,
        requirements=p.requirements,
        expected_effect=p.expected_effect,
        missing_fixes=missing_fixes(p),
        in_force=p.id == in_force_id,
        author=_ref(p.author_id, row.author_name),
        created_at=p.created_at,
        submitted_at=p.submitted_at,
        submitted_by=_ref(p.submitted_by, row.submitted_by_name),
        decided_at=p.decided_at,
        decided_by=_ref(p.decided_by, row.decided_by_name),
        decision_comment=p.decision_comment,
    )


def _status(p: PlanVersion, status: str | None = None) -> dict[str, Any]:
    """What the audit trail keeps of a status change: the version and its status (`status` when
    it is the one the version had before the change)."""
    return {"version_no": p.version_no, "status": status or p.status}


def _snapshot(p: PlanVersion) -> dict[str, Any]:
    return {
        "version_no": p.version_no,
        "status": p.status,
        "personnel": p.personnel,
        "measures": list(p.measures),
        "measures_detail": p.measures_detail,
        "time_limit": p.time_limit,
        "requirements": p.requirements,
        "expected_effect": p.expected_effect,
    }


async def _current_out(session: AsyncSession, case_id: uuid.UUID) -> PlanOut:
    row = await repo.newest_joined(session, case_id)
    if row is None:
        raise PlanNotFound()
    in_force = row[0] if row[0].status == PlanStatus.approved else None
    if in_force is None:
        in_force = await repo.in_force(session, case_id)
    return to_out(row, in_force.id if in_force else None)


async def get_current(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> PlanOut:
    case = await get_visible_case(session, principal, case_id)
    return await _current_out(session, case.id)


async def list_versions(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> list[PlanOut]:
    case = await get_visible_case(session, principal, case_id)
    rows = await repo.list_versions(session, case.id)
    in_force_id = next((r[0].id for r in rows if r[0].status == PlanStatus.approved), None)
    return [to_out(row, in_force_id) for row in rows]


async def _writable(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> Case:
    # The case row lock serialises plan writes: version numbers and decisions stay in order.
    case = await get_visible_case(session, principal, case_id, for_update=True)
    if case.status in CLOSED:
        raise PlanCaseClosed()
    return case


async def save(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: PlanIn
) -> PlanOut:
    case = await _writable(session, principal, case_id)
    current = await repo.newest(session, case.id)
    if current is not None and current.status == PlanStatus.submitted:
        raise PlanSubmitted()
    plan = PlanVersion(
        id=uuid7(),
        case_id=case.id,
        version_no=current.version_no + 1 if current else 1,
        status=PlanStatus.draft.value,
        # Blank text is "not fixed yet", the same as absent.
        personnel=data.personnel or None,
        measures=[m.value for m in data.measures],
        measures_detail=data.measures_detail or None,
        time_limit=data.time_limit,
        requirements=data.requirements or None,
        expected_effect=data.expected_effect or None,
        author_id=principal.id,
        created_at=clock.now(),
    )
    session.add(plan)
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        "case.plan_save",
        case=case,
        entity_type="plan_version",
        entity_id=plan.id,
        before=_status(current) if current else None,
        after=_snapshot(plan),
    )

    await publish(session, events.PlanSaved(**_fact(principal, case, plan)))
    return await _current_out(session, case.id)


async def _newest(session: AsyncSession, case: Case) -> PlanVersion:
    plan = await repo.newest(session, case.id)
    if plan is None:
        raise PlanNotFound()
    return plan


async def submit(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> PlanOut:
    case = await _writable(session, principal, case_id)
    plan = await _newest(session, case)
    if plan.status != PlanStatus.draft:
        raise PlanNotDraft()
    missing = missing_fixes(plan)
    if missing:
        raise PlanIncomplete(missing)
    plan.status = PlanStatus.submitted.value
    plan.submitted_at = clock.now()
    plan.submitted_by = principal.id
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        "case.plan_submit",
        case=case,
        entity_type="plan_version",
        entity_id=plan.id,
        before=_status(plan, PlanStatus.draft.value),
        after=_status(plan),
    )
    await publish(session, events.PlanSubmitted(**_fact(principal, case, plan)))
    return await _current_out(session, case.id)


async def _decide(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    status: PlanStatus,
    comment: str | None,
) -> PlanOut:
    case = await _writable(session, principal, case_id)
    plan = await _newest(session, case)
    if plan.status != PlanStatus.submitted:
        raise PlanNotSubmitted()
    # Four eyes: whoever wrote this version cannot also approve it. Returning one's own plan is
    # allowed — it is the only way for an author to take a submitted plan back.
    if status == PlanStatus.approved and plan.author_id == principal.id:
        raise PlanAuthorCannotApprove()
    plan.status = status.value
    plan.decided_at = clock.now()
    plan.decided_by = principal.id
    plan.decision_comment = comment or None
    await session.flush()
    action = "case.plan_approve" if status == PlanStatus.approved else "case.plan_return"
    await audit.record_on_case(
        session,
        principal,
        action,
        case=case,
        entity_type="plan_version",
        entity_id=plan.id,
        reason=comment or None,
        before=_status(plan, PlanStatus.submitted.value),
        after=_status(plan),
    )
    decided = events.PlanApproved if status == PlanStatus.approved else events.PlanReturned
    await publish(session, decided(**_fact(principal, case, plan)))
    return await _current_out(session, case.id)


def _fact(principal: Principal, case: Case, plan: PlanVersion) -> dict[str, Any]:
    return {
        "case_id": case.id,
        "org_unit_id": case.org_unit_id,
        "actor_id": principal.id,
        "plan_id": plan.id,
        "version_no": plan.version_no,
        "time_limit": plan.time_limit,
    }


async def approve(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: PlanApprove
) -> PlanOut:
    return await _decide(session, principal, case_id, PlanStatus.approved, data.comment)


async def return_plan(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: PlanReturn
) -> PlanOut:
    return await _decide(session, principal, case_id, PlanStatus.returned, data.comment)
