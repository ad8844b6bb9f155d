"""包案: who answers for a case. One leader, one department, one direct responsible person
(plus the unit's first and main responsible persons) at a time, any number of team members.

A replacement never edits the old row: it ends it (when, by whom, why) and starts a new one, so
the history of who answered for the case when stays readable — the basis of 责任倒查.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.assignments import events
from anjie.assignments import repository as repo
from anjie.assignments.errors import (
    AlreadyAssigned,
    AssigneeInactive,
    AssigneeNotFound,
    AssigneeNotLeader,
    AssignmentEnded,
    AssignmentNotFound,
)
from anjie.assignments.models import SINGLE_ROLES, Assignment
from anjie.assignments.schemas import (
    AssignmentCreate,
    AssignmentEnd,
    AssignmentOut,
    PersonRef,
    UnitRef,
)
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.enums import RoleInCase
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.repository import JoinedRow
from anjie.orgs import repository as orgs_repo
from anjie.users import repository as users_repo
from anjie.users.schemas import UserRef


def to_out(row: JoinedRow) -> AssignmentOut:
    a: Assignment = row[0]
    return AssignmentOut(
        id=a.id,
        case_id=a.case_id,
        role_in_case=RoleInCase(a.role_in_case),
        user=PersonRef(id=a.user_id, display_name=row.user_name, post=row.user_post)
        if a.user_id
        else None,
        org_unit=UnitRef(id=a.org_unit_id, name=row.unit_name) if a.org_unit_id else None,
        active=a.ended_at is None,
        started_at=a.started_at,
        ended_at=a.ended_at,
        assigned_by=UserRef(id=a.assigned_by, display_name=row.assigned_by_name)
        if row.assigned_by_name is not None
        else None,
        ended_by=UserRef(id=a.ended_by, display_name=row.ended_by_name)
        if a.ended_by and row.ended_by_name is not None
        else None,
        reason=a.reason,
        end_reason=a.end_reason,
    )


def _snapshot(out: AssignmentOut) -> dict[str, Any]:
    """What the audit row (and so the case timeline) shows: names as they were at the time."""
    return {
        "assignment_id": out.id,
        "role_in_case": out.role_in_case.value,
        "user_id": out.user.id if out.user else None,
        "user_name": out.user.display_name if out.user else None,
        "org_unit_id": out.org_unit.id if out.org_unit else None,
        "org_unit_name": out.org_unit.name if out.org_unit else None,
    }


async def _joined_out(session: AsyncSession, assignment_id: uuid.UUID) -> AssignmentOut:
    row = await repo.get_joined(session, assignment_id)
    if row is None:  # pragma: no cover - the row was written in this transaction
        raise AssignmentNotFound()
    return to_out(row)


async def list_assignments(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, active: bool | None
) -> list[AssignmentOut]:
    case = await get_visible_case(session, principal, case_id)
    return [to_out(row) for row in await repo.list_for_case(session, case.id, active=active)]


async def _check_holder(
    session: AsyncSession, principal: Principal, data: AssignmentCreate
) -> None:
    """The person or unit exists in the caller's subtree, is active, and fits the role."""
    if data.org_unit_id is not None:
        unit = await orgs_repo.get_in_scope(session, data.org_unit_id, principal.org_path)
        if unit is None:
            raise AssigneeNotFound()
        if not unit.is_active:
            raise AssigneeInactive()
        return
    assert data.user_id is not None  # the schema requires exactly one holder
    found = await users_repo.get_in_scope(session, data.user_id, principal.org_path)
    if found is None:
        raise AssigneeNotFound()
    user = found[0]
    if not user.is_active:
        raise AssigneeInactive()
    if data.role_in_case == RoleInCase.responsible_leader and Role.leader not in user.roles:
        raise AssigneeNotLeader()


async def assign(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: AssignmentCreate
) -> AssignmentOut:
    # The case row lock serialises assignment changes on one case: two concurrent
    # replacements cannot both end the same holder.
    case = await get_visible_case(session, principal, case_id, for_update=True)
    await _check_holder(session, principal, data)
    role = data.role_in_case
    now = clock.now()
    replaced: Assignment | None = None
    if role in SINGLE_ROLES:
        replaced = await repo.active_holder(session, case.id, role.value)
        if replaced is not None and (replaced.user_id, replaced.org_unit_id) == (
            data.user_id,
            data.org_unit_id,
        ):
            raise AlreadyAssigned()
    elif data.user_id is not None and await repo.active_member(session, case.id, data.user_id):
        raise AlreadyAssigned()
    before = None
    if replaced is not None:
        before = _snapshot(await _joined_out(session, replaced.id))
        replaced.ended_at = now
        replaced.ended_by = principal.id
        replaced.end_reason = data.reason
        # The partial unique index allows one active holder: end the old one before inserting.
        await session.flush()
    assignment = Assignment(
        id=uuid7(),
        case_id=case.id,
        role_in_case=role.value,
        user_id=data.user_id,
        org_unit_id=data.org_unit_id,
        started_at=now,
        assigned_by=principal.id,
        reason=data.reason,
    )
    session.add(assignment)
    await session.flush()
    out = await _joined_out(session, assignment.id)
    await audit.record_on_case(
        session,
        principal,
        "case.assignment",
        entity_type="case_assignment",
        entity_id=out.id,
        case=case,
        reason=data.reason,
        before=before,
        after=_snapshot(out),
    )
    await publish(
        session,
        events.AssignmentSet(
            **_fact(principal, case, assignment),
            replaced_id=replaced.id if replaced is not None else None,
        ),
    )
    return out


async def end(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    assignment_id: uuid.UUID,
    data: AssignmentEnd,
) -> AssignmentOut:
    case = await get_visible_case(session, principal, case_id, for_update=True)
    assignment = await repo.get(session, case.id, assignment_id)
    if assignment is None:
        raise AssignmentNotFound()
    if assignment.ended_at is not None:
        raise AssignmentEnded()
    assignment.ended_at = clock.now()
    assignment.ended_by = principal.id
    assignment.end_reason = data.reason
    await session.flush()
    out = await _joined_out(session, assignment.id)
    await audit.record_on_case(
        session,
        principal,
        "case.assignment_end",
        entity_type="case_assignment",
        entity_id=out.id,
        case=case,
        reason=data.reason,
        before=_snapshot(out),
        after={"active": False, "ended_at": out.ended_at},
    )
    await publish(session, events.AssignmentEnded(**_fact(principal, case, assignment)))
    return out


def _fact(principal: Principal, case: Case, assignment: Assignment) -> dict[str, Any]:
    return {
        "case_id": case.id,
        "org_unit_id": case.org_unit_id,
        "actor_id": principal.id,
        "assignment_id": assignment.id,
        "role_in_case": assignment.role_in_case,
        "user_id": assignment.user_id,
        "holder_unit_id": assignment.org_unit_id,
    }
