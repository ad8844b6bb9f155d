"""回访: return visits recorded on phones, often offline, and synced later.

Who may record one is whoever may see the case (cases.access): the officers assigned to it and
the leaders and office of its unit's subtree; anyone else gets 404. A visit is immutable once
recorded. The resolve guard reads visits through `repository.return_visit_confirms`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.policies import visible_cases
from anjie.checkins import repository as repo
from anjie.checkins import rules
from anjie.checkins.errors import CheckInAlreadyRecorded, CheckInInvalid, CheckInNotFound
from anjie.checkins.events import CheckInRecorded
from anjie.checkins.models import Attitude, CheckIn, VisitManner
from anjie.checkins.schemas import (
    CaseCheckInListQuery,
    CheckInCreate,
    CheckInListQuery,
    CheckInOut,
    Gps,
)
from anjie.core import clock
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import Page, bad_cursor, decode_cursor, encode_cursor
from anjie.core.repository import JoinedRow
from anjie.users.schemas import UserRef


def to_out(row: JoinedRow, officers: list[tuple[uuid.UUID, str]]) -> CheckInOut:
    c: CheckIn = row[0]
    gps = None
    if c.gps_lat is not None and c.gps_lon is not None and c.gps_accuracy_m is not None:
        gps = Gps(lat=c.gps_lat, lon=c.gps_lon, accuracy_m=c.gps_accuracy_m)
    return CheckInOut(
        id=c.id,
        case_id=c.case_id,
        client_id=c.client_id,
        visited_at=c.visited_at,
        received_at=c.received_at,
        officers=[UserRef(id=user_id, display_name=name) for user_id, name in officers],
        manner=VisitManner(c.manner),
        gps=gps,
        place=c.place,
        people_met=c.people_met,
        attitude=Attitude(c.attitude),
        could_not_visit=c.could_not_visit,
        threats_recorded=c.threats_recorded,
        threat_note=c.threat_note,
        notes=c.notes,
        next_visit_on=c.next_visit_on,
        recorded_by=UserRef(id=c.recorded_by, display_name=row.recorded_by_name),
    )


async def _outs(session: AsyncSession, rows: list[JoinedRow]) -> list[CheckInOut]:
    officers = await repo.officers_of(session, [row[0].id for row in rows])
    return [to_out(row, officers.get(row[0].id, [])) for row in rows]


def _audit_after(c: CheckIn, officers: list[uuid.UUID]) -> dict[str, Any]:
    """What the timeline shows. No place, people, notes or coordinates: only what the case
    already tells (who went, when, the attitude found)."""
    return {
        "check_in_id": c.id,
        "client_id": c.client_id,
        "visited_at": c.visited_at,
        "officer_ids": officers,
        "manner": c.manner,
        "attitude": c.attitude,
        "could_not_visit": c.could_not_visit,
        "threats_recorded": c.threats_recorded,
        "has_gps": c.gps_lat is not None,
        "next_visit_on": c.next_visit_on,
    }


async def record(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    key: uuid.UUID,
    data: CheckInCreate,
) -> CheckInOut:
    case = await get_visible_case(session, principal, case_id)
    now = clock.now()
    violations = rules.payload_violations(data, key, now)
    violations += await rules.officer_violations(session, principal, data.officers)
    if violations:
        raise CheckInInvalid(violations)
    existing = await repo.id_by_client_id(session, key)
    if existing is not None:
        # Its id is only told when it is on this (visible) case.
        raise CheckInAlreadyRecorded(existing[0] if existing[1] == case.id else None)
    check_in = CheckIn(
        id=uuid7(),
        case_id=case.id,
        client_id=key,
        # Stored and answered in UTC, as it reads back later (the phone may send +08:00).
        visited_at=data.visited_at.astimezone(UTC),
        received_at=now,
        recorded_by=principal.id,
        manner=data.manner.value,
        gps_lat=data.gps.lat if data.gps else None,
        gps_lon=data.gps.lon if data.gps else None,
        gps_accuracy_m=data.gps.accuracy_m if data.gps else None,
        # Blank text is "not recorded", the same as absent.
        place=data.place or None,
        people_met=data.people_met or None,
        attitude=data.attitude.value,
        could_not_visit=data.could_not_visit,
        threats_recorded=data.threats_recorded,
        threat_note=data.threat_note or None,
        notes=data.notes or None,
        next_visit_on=data.next_visit_on,
    )
    await repo.add(session, check_in, data.officers)
    await audit.record_on_case(
        session,
        principal,
        "check_in.record",
        entity_type="check_in",
        entity_id=check_in.id,
        case=case,
        after=_audit_after(check_in, data.officers),
    )
    await publish(
        session,
        CheckInRecorded(
            case_id=case.id,
            org_unit_id=case.org_unit_id,
            actor_id=principal.id,
            check_in_id=check_in.id,
            visited_at=check_in.visited_at,
            attitude=check_in.attitude,
            next_visit_on=check_in.next_visit_on,
        ),
    )
    return await get(session, principal, check_in.id)


async def get(session: AsyncSession, principal: Principal, check_in_id: uuid.UUID) -> CheckInOut:
    row = await repo.get_visible(session, visible_cases(principal), check_in_id)
    if row is None:
        raise CheckInNotFound()
    return (await _outs(session, [row]))[0]


def _parse_cursor(cursor: str | None, sort: str) -> tuple[datetime, uuid.UUID] | None:
    """A cursor carries its sort, the last row's visit time and id; another sort's is refused."""
    key = decode_cursor(cursor, 3)
    if key is None:
        return None
    name, at, row_id = key
    if name != sort or not isinstance(at, str) or not isinstance(row_id, str):
        raise bad_cursor()
    try:
        value = datetime.fromisoformat(at)
        if value.tzinfo is None:
            raise ValueError("naive")
        return value, uuid.UUID(row_id)
    except ValueError:
        raise bad_cursor() from None


async def _page(
    session: AsyncSession,
    principal: Principal,
    query: CheckInListQuery | CaseCheckInListQuery,
    case_id: uuid.UUID | None,
) -> Page[CheckInOut]:
    filters = repo.CheckInFilters(
        case_id=case_id,
        officer_id=query.officer,
        visited_from=query.visited_from,
        visited_to=query.visited_to,
        attitude=query.attitude,
        updated_after=query.updated_after,
    )
    sort, limit = query.sort, query.limit
    rows = await repo.list_page(
        session,
        visible_cases(principal),
        filters,
        descending=sort.startswith("-"),
        after=_parse_cursor(query.cursor, sort),
        limit=limit + 1,
    )
    shown = list(rows[:limit])
    next_cursor = None
    if len(rows) > limit:
        last: CheckIn = shown[-1][0]
        next_cursor = encode_cursor([sort, last.visited_at.isoformat(), str(last.id)])
    return Page[CheckInOut](items=await _outs(session, shown), next_cursor=next_cursor)


async def list_check_ins(
    session: AsyncSession, principal: Principal, query: CheckInListQuery
) -> Page[CheckInOut]:
    return await _page(session, principal, query, query.case_id)


async def list_for_case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, query: CaseCheckInListQuery
) -> Page[CheckInOut]:
    """One case's visits: a case out of sight is a 404 here, where the list across cases
    simply finds nothing for it."""
    case = await get_visible_case(session, principal, case_id)
    return await _page(session, principal, query, case.id)


async def attachment_case(
    session: AsyncSession, principal: Principal, check_in_id: uuid.UUID
) -> uuid.UUID:
    """Owner resolver for attachments (owner_type "check_in"): the case a photo belongs to."""
    case_id = await repo.visible_case_id(session, visible_cases(principal), check_in_id)
    if case_id is None:
        raise CheckInNotFound()
    return case_id
