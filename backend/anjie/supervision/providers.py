"""What supervision answers for the packages below it (wired in anjie.wiring)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.cases.ports import NextDeadline
from anjie.core import clock
from anjie.core.ports import IdColumn
from anjie.supervision import repository
from anjie.supervision.models import RUNNING, Deadline


class Deadlines:
    """Fills `cases.ports.deadlines`: the case ledger's overdue / due-before filters and each
    row's next deadline."""

    @staticmethod
    def due(
        case_id: IdColumn, *, overdue_at: datetime | None, due_before: datetime | None
    ) -> ColumnElement[bool]:
        conditions = [Deadline.case_id == case_id, Deadline.status.in_(RUNNING)]
        if overdue_at is not None:
            conditions.append(and_(Deadline.due_at < overdue_at, Deadline.paused_at.is_(None)))
        if due_before is not None:
            conditions.append(Deadline.due_at < due_before)
        return exists().where(*conditions)

    @staticmethod
    async def next_of(
        session: AsyncSession, case_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, NextDeadline]:
        now = clock.now()
        found = await repository.next_due(session, list(case_ids))
        return {
            case_id: NextDeadline(
                id=d.id,
                kind=d.kind,
                due_at=d.due_at,
                overdue=d.paused_at is None and d.due_at < now,
            )
            for case_id, d in found.items()
        }


deadlines = Deadlines()
