"""All SQL of assignments. Lists join the people and units they name in one query (no N+1)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.assignments.models import Assignment
from anjie.cases.enums import RoleInCase
from anjie.cases.ports import Holder
from anjie.core.ports import IdColumn
from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.orgs.models import OrgUnit
from anjie.users.models import User


def _joined() -> JoinedSelect:
    query = with_names(
        select(Assignment), Assignment.user_id, user_name=User.display_name, user_post=User.post
    )
    query = with_names(query, Assignment.org_unit_id, unit_name=OrgUnit.name)
    query = with_names(query, Assignment.assigned_by, assigned_by_name=User.display_name)
    return with_names(query, Assignment.ended_by, ended_by_name=User.display_name)


async def list_for_case(
    session: AsyncSession, case_id: uuid.UUID, *, active: bool | None = None
) -> Sequence[JoinedRow]:
    """Active ones first, then history; newest first within each."""
    query = _joined().where(Assignment.case_id == case_id)
    if active is True:
        query = query.where(Assignment.ended_at.is_(None))
    elif active is False:
        query = query.where(Assignment.ended_at.is_not(None))
    query = query.order_by(
        Assignment.ended_at.is_not(None), Assignment.started_at.desc(), Assignment.id.desc()
    )
    return (await session.execute(query)).all()


async def get_joined(session: AsyncSession, assignment_id: uuid.UUID) -> JoinedRow | None:
    return (await session.execute(_joined().where(Assignment.id == assignment_id))).one_or_none()


async def get(
    session: AsyncSession, case_id: uuid.UUID, assignment_id: uuid.UUID
) -> Assignment | None:
    query = select(Assignment).where(Assignment.id == assignment_id, Assignment.case_id == case_id)
    return (await session.scalars(query)).one_or_none()


async def active_holder(session: AsyncSession, case_id: uuid.UUID, role: str) -> Assignment | None:
    query = select(Assignment).where(
        Assignment.case_id == case_id,
        Assignment.role_in_case == role,
        Assignment.ended_at.is_(None),
    )
    return (await session.scalars(query)).first()


async def active_member(session: AsyncSession, case_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    query = select(
        exists().where(
            Assignment.case_id == case_id,
            Assignment.role_in_case == "team_member",
            Assignment.user_id == user_id,
            Assignment.ended_at.is_(None),
        )
    )
    return bool(await session.scalar(query))


async def active_pairs(
    session: AsyncSession, case_id: uuid.UUID
) -> Sequence[tuple[str, uuid.UUID | None]]:
    """(role_in_case, user_id) of every active assignment: what the workflow guards look at."""
    query = select(Assignment.role_in_case, Assignment.user_id).where(
        Assignment.case_id == case_id, Assignment.ended_at.is_(None)
    )
    return [(role, user_id) for role, user_id in (await session.execute(query)).all()]


def held(
    case_id: IdColumn, user_id: uuid.UUID, role: RoleInCase | None = None
) -> ColumnElement[bool]:
    conditions = [
        Assignment.case_id == case_id,
        Assignment.user_id == user_id,
        Assignment.ended_at.is_(None),
    ]
    if role is not None:
        conditions.append(Assignment.role_in_case == role.value)
    return exists().where(*conditions)


async def holders(
    session: AsyncSession, case_ids: Collection[uuid.UUID], roles: Sequence[RoleInCase]
) -> dict[uuid.UUID, dict[str, Holder]]:
    query: JoinedSelect = select(
        Assignment.case_id, Assignment.role_in_case, Assignment.user_id, Assignment.org_unit_id
    )
    query = with_names(query, Assignment.user_id, user_name=User.display_name)
    query = with_names(query, Assignment.org_unit_id, unit_name=OrgUnit.name).where(
        Assignment.case_id.in_(case_ids),
        Assignment.ended_at.is_(None),
        Assignment.role_in_case.in_([r.value for r in roles]),
    )
    found: dict[uuid.UUID, dict[str, Holder]] = defaultdict(dict)
    for case_id, role, user_id, unit_id, user_name, unit_name in await session.execute(query):
        # A department is a unit; leaders and persons are people. Either may be recorded
        # the other way round, so fall back to what is there.
        person = (user_id, user_name) if user_id is not None else None
        dept = (unit_id, unit_name) if unit_id is not None else None
        is_dept = role == RoleInCase.responsible_department
        chosen = (dept or person) if is_dept else (person or dept)
        if chosen is not None:
            found[case_id][role] = Holder(role, chosen[0], chosen[1])
    return found
