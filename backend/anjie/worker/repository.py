"""The worker's SQL: which running deadlines need a look, and the once-only step rows."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, not_, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.supervision.models import RUNNING, Deadline, DeadlineRule, DeadlineStep


def _has_step(step: str) -> Any:
    return exists().where(DeadlineStep.deadline_id == Deadline.id, DeadlineStep.step == step)


async def longest_lead(session: AsyncSession, default: int) -> int:
    """The longest reminder lead any rule has: deadlines further off need nothing yet."""
    query = select(func.max(DeadlineRule.reminder_lead_days))
    stored = (await session.execute(query)).scalar()
    return max(default, stored or 0)


async def candidates(
    session: AsyncSession,
    now: datetime,
    lead_days: int,
    *,
    after: uuid.UUID | None,
    limit: int,
) -> Sequence[Deadline]:
    """Running, counting deadlines that are past due (until their accountability review) or
    within the longest lead and not yet reminded, in id order from `after`. Locked with SKIP
    LOCKED: rows another worker is working on are left to it rather than waited for."""
    query = select(Deadline).where(
        Deadline.status.in_(RUNNING),
        Deadline.paused_at.is_(None),
        not_(_has_step("accountability")),
        or_(
            Deadline.due_at < now,
            and_(Deadline.due_at < now + timedelta(days=lead_days), not_(_has_step("reminder"))),
        ),
    )
    if after is not None:
        query = query.where(Deadline.id > after)
    query = query.order_by(Deadline.id).limit(limit).with_for_update(skip_locked=True)
    return (await session.scalars(query)).all()


async def take_step(
    session: AsyncSession,
    deadline_id: uuid.UUID,
    step: str,
    at: datetime,
    detail: dict[str, Any] | None = None,
) -> bool:
    """True for the one caller that recorded the step; every other finds it there already."""
    statement = (
        insert(DeadlineStep)
        .values(deadline_id=deadline_id, step=step, at=at, detail=detail)
        .on_conflict_do_nothing(index_elements=[DeadlineStep.deadline_id, DeadlineStep.step])
        .returning(DeadlineStep.step)
    )
    return (await session.execute(statement)).scalar_one_or_none() is not None
