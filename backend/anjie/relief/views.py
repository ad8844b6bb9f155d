"""Applications as the API and the audit trail show them; a page costs at most four queries."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.core import clock
from anjie.core.clock import SHANGHAI
from anjie.relief import guards
from anjie.relief import repository as repo
from anjie.relief.models import ReliefApplication, ReliefKind, ReliefStepEntry, Step
from anjie.relief.schemas import DuplicateRef, ReliefOut, StepOut, money_str
from anjie.users import repository as users_repo
from anjie.users.schemas import UserRef


def snapshot(app: ReliefApplication) -> dict[str, Any]:
    """What the audit trail keeps of an application; money as strings, never floats."""
    return {
        "step": app.step,
        "applicant_petitioner_id": str(app.applicant_petitioner_id),
        "kind": app.kind,
        "province_code": app.province_code,
        "hardship_facts": app.hardship_facts,
        "earlier_compensation": app.earlier_compensation,
        "amount_requested": money_str(app.amount_requested),
        "amount_approved": money_str(app.amount_approved) if app.amount_approved else None,
        "exceptional": app.exceptional,
        "due_at": app.due_at.isoformat() if app.due_at else None,
    }


def _beijing(moment: datetime | None) -> datetime | None:
    # Due dates are Beijing end-of-day by definition; show them as such, not as 15:59:59Z.
    return moment.astimezone(SHANGHAI) if moment is not None else None


def _ref(user_id: uuid.UUID | None, names: dict[uuid.UUID, str]) -> UserRef | None:
    return UserRef(id=user_id, display_name=names[user_id]) if user_id in names else None


async def outs(
    session: AsyncSession, principal: Principal, apps: Sequence[ReliefApplication]
) -> list[ReliefOut]:
    """Responses for a page of applications as the caller sees them (with the actions they may
    take), in at most four queries whatever the page size."""
    ids = [a.id for a in apps]
    if not ids:
        return []
    history: dict[uuid.UUID, list[StepOut]] = defaultdict(list)
    for entry, name in await repo.history(session, ids):
        e: ReliefStepEntry = entry
        actor = UserRef(id=e.actor_id, display_name=name) if name is not None else None
        history[e.application_id].append(
            StepOut(
                action=e.action,
                step=Step(e.step),
                actor=actor,
                at=e.at,
                opinion=e.opinion,
                amount=e.amount,
                due_at=_beijing(e.due_at),
            )
        )
    dups: dict[uuid.UUID, list[DuplicateRef]] = defaultdict(list)
    for for_id, other_id, other_case, other_step in await repo.duplicates(session, ids):
        dups[for_id].append(
            DuplicateRef(application_id=other_id, case_id=other_case, step=Step(other_step))
        )
    names = await users_repo.display_names(session, [a.created_by for a in apps])
    granted = await repo.granted_elsewhere(
        session, [a.id for a in apps if guards.depends_on_grants(principal, a)]
    )
    now = clock.now()
    return [
        ReliefOut(
            id=a.id,
            case_id=a.case_id,
            applicant_petitioner_id=a.applicant_petitioner_id,
            province_code=a.province_code,
            kind=ReliefKind(a.kind),
            hardship_facts=a.hardship_facts,
            amount_requested=a.amount_requested,
            earlier_compensation=a.earlier_compensation,
            step=Step(a.step),
            due_at=_beijing(a.due_at),
            overdue=a.due_at is not None and now > a.due_at,
            amount_approved=a.amount_approved,
            exceptional=a.exceptional,
            exceptional_reason=a.exceptional_reason,
            awaiting_second_approval=a.step == Step.reviewed and a.first_approver_id is not None,
            cap_amount=a.cap_amount,
            standard_year=a.standard_year,
            commitment_signed=a.commitment_signed,
            commitment_signed_on=a.commitment_signed_on,
            duplicates=dups[a.id],
            history=history[a.id],
            allowed_actions=guards.allowed_actions(principal, a, granted_elsewhere=a.id in granted),
            created_by=_ref(a.created_by, names),
            created_at=a.created_at,
            updated_at=a.updated_at,
            version=a.version,
        )
        for a in apps
    ]


async def out(session: AsyncSession, principal: Principal, app: ReliefApplication) -> ReliefOut:
    return (await outs(session, principal, [app]))[0]
