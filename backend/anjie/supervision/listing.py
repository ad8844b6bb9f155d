"""The deadline list: nearest due first, keyset-paged on (due_at, id)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.core.pagination import Page, bad_cursor, decode_cursor, page_of
from anjie.supervision import repository as repo
from anjie.supervision.models import DeadlineStep
from anjie.supervision.schemas import DeadlineOut
from anjie.supervision.views import to_out


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    key = decode_cursor(cursor, 2)
    if key is None:
        return None
    try:
        moment, ident = datetime.fromisoformat(str(key[0])), uuid.UUID(str(key[1]))
    except ValueError:
        raise bad_cursor() from None
    if moment.tzinfo is None or not 1999 <= moment.year <= 2200:
        raise bad_cursor()
    return moment, ident


async def list_deadlines(
    session: AsyncSession,
    principal: Principal,
    filters: repo.DeadlineFilters,
    *,
    cursor: str | None,
    limit: int,
) -> Page[DeadlineOut]:
    rows = await repo.list_visible(
        session, principal, filters, after=_after(cursor), limit=limit + 1
    )
    page = page_of(list(rows), limit, lambda d: [d.due_at.isoformat(), str(d.id)])
    return Page[DeadlineOut](items=[to_out(d) for d in page.items], next_cursor=page.next_cursor)


async def steps(session: AsyncSession, deadline_id: uuid.UUID) -> Sequence[DeadlineStep]:
    return await repo.steps_of(session, deadline_id)
