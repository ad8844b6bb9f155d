"""The hearing list: keyset pages on (starts_at, id), scoped to the cases the caller sees."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.core import clock
from anjie.core.pagination import Page, bad_cursor, decode_cursor, page_of
from anjie.hearings import repository as repo
from anjie.hearings.schemas import HearingListQuery, HearingOut
from anjie.hearings.views import to_out


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    key = decode_cursor(cursor, 2)
    if key is None:
        return None
    try:
        moment, ident = datetime.fromisoformat(str(key[0])), uuid.UUID(str(key[1]))
    except ValueError:
        raise bad_cursor() from None
    # Only values this list hands out: aware, and inside the range a hearing can have.
    if moment.tzinfo is None or not 1999 <= moment.year <= 2200:
        raise bad_cursor()
    return moment, ident


async def list_hearings(
    session: AsyncSession, principal: Principal, query: HearingListQuery
) -> Page[HearingOut]:
    filters = repo.HearingFilters(
        case_id=query.case_id,
        official_id=query.official,
        starts_from=day_bounds(query.from_, end=False) if query.from_ else None,
        starts_before=day_bounds(query.to, end=True) if query.to else None,
        status=tuple(s.value for s in query.status or ()),
        kind=tuple(k.value for k in query.kind or ()),
        updated_after=query.updated_after,
    )
    rows = await repo.list_visible(
        session,
        principal,
        filters,
        after=_after(query.cursor),
        descending=query.sort == "-starts_at",
        limit=query.limit + 1,
    )
    page = page_of(list(rows), query.limit, lambda r: [r[0].starts_at.isoformat(), str(r[0].id)])
    return Page[HearingOut](items=[to_out(r) for r in page.items], next_cursor=page.next_cursor)


def day_bounds(day: date, *, end: bool) -> datetime:
    """Start of a Beijing day (or of the next one, for an inclusive end date)."""
    start = datetime(day.year, day.month, day.day, tzinfo=clock.SHANGHAI)
    return start + timedelta(days=1) if end else start
