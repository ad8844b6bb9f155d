"""All SQL of notifications. Every read and write of the inbox is the recipient's own."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from anjie.assignments.models import Assignment
from anjie.cases.models import Case
from anjie.core.ids import uuid7
from anjie.notifications.models import Notification
from anjie.orgs.models import OrgUnit
from anjie.plans.models import PlanVersion
from anjie.users.models import User


async def insert_once(session: AsyncSession, values: dict[str, Any]) -> uuid.UUID | None:
    """The new row's id, or None when this recipient already has one from this source."""
    statement = (
        insert(Notification)
        .values(id=uuid7(), **values)
        .on_conflict_do_nothing(index_elements=[Notification.user_id, Notification.source_key])
        .returning(Notification.id)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def inbox(
    session: AsyncSession,
    user_id: uuid.UUID,
    *,
    unread: bool | None,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[Notification]:
    # Ids are time-ordered (uuid7): newest first is id descending, on ix_notification_inbox.
    query = select(Notification).where(Notification.user_id == user_id)
    if unread is True:
        query = query.where(Notification.read_at.is_(None))
    elif unread is False:
        query = query.where(Notification.read_at.is_not(None))
    if before is not None:
        query = query.where(Notification.id < before)
    query = query.order_by(Notification.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def unread_count(session: AsyncSession, user_id: uuid.UUID) -> int:
    query = select(func.count()).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    return int((await session.execute(query)).scalar_one())


async def own(
    session: AsyncSession, user_id: uuid.UUID, notification_id: uuid.UUID
) -> Notification | None:
    query = (
        select(Notification)
        .where(Notification.id == notification_id, Notification.user_id == user_id)
        .with_for_update()
    )
    return (await session.scalars(query)).one_or_none()


async def mark_all_read(session: AsyncSession, user_id: uuid.UUID, at: datetime) -> int:
    statement = (
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=at)
        .returning(Notification.id)
    )
    return len((await session.execute(statement)).all())


async def undelivered(session: AsyncSession, limit: int) -> Sequence[Notification]:
    """The oldest undelivered rows, locked so that two workers never send the same one."""
    query = (
        select(Notification)
        .where(Notification.delivered_at.is_(None))
        .order_by(Notification.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return (await session.scalars(query)).all()


async def case_number(session: AsyncSession, case_id: uuid.UUID) -> str | None:
    return (await session.execute(select(Case.number).where(Case.id == case_id))).scalar()


async def holder(session: AsyncSession, case_id: uuid.UUID, role: str) -> uuid.UUID | None:
    """The user now holding a single role on the case."""
    query = select(Assignment.user_id).where(
        Assignment.case_id == case_id,
        Assignment.role_in_case == role,
        Assignment.ended_at.is_(None),
        Assignment.user_id.is_not(None),
    )
    return (await session.execute(query.limit(1))).scalar()


async def plan_author(session: AsyncSession, plan_id: uuid.UUID) -> uuid.UUID | None:
    query = select(PlanVersion.author_id).where(PlanVersion.id == plan_id)
    return (await session.execute(query)).scalar()


async def nearest_with_role(
    session: AsyncSession, unit_id: uuid.UUID, role: str
) -> list[uuid.UUID]:
    """The active users holding `role` in the unit itself or, if it has none, in its nearest
    ancestor that has some: a section's case goes to its bureau's office, not the province's."""
    unit = select(OrgUnit.path).where(OrgUnit.id == unit_id).scalar_subquery()
    holder_unit = aliased(OrgUnit)
    candidates = (
        select(User.id, func.length(holder_unit.path).label("depth"))
        .join(holder_unit, holder_unit.id == User.org_unit_id)
        .where(
            User.is_active.is_(True),
            User.roles.contains([role]),
            func.starts_with(unit, holder_unit.path),
        )
        .subquery()
    )
    deepest = select(func.max(candidates.c.depth)).scalar_subquery()
    query = select(candidates.c.id).where(candidates.c.depth == deepest).order_by(candidates.c.id)
    return list((await session.scalars(query)).all())
