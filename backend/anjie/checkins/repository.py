"""All SQL of check-ins. A page is two queries (rows with the recorder's name, then the officers
of every row on it): no N+1."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.cases.models import Case
from anjie.checkins.models import CONFIRMING, Attitude, CheckIn, CheckInOfficer
from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.orgs.models import OrgUnit
from anjie.users.models import User


@dataclass(frozen=True)
class CheckInFilters:
    case_id: uuid.UUID | None = None
    officer_id: uuid.UUID | None = None
    visited_from: datetime | None = None  # inclusive
    visited_to: datetime | None = None  # exclusive
    attitude: Attitude | None = None
    updated_after: datetime | None = None


def _joined(visible: ColumnElement[bool]) -> JoinedSelect:
    """Check-ins of the cases `visible` lets through, with the recorder's name."""
    query = select(CheckIn).join(Case, Case.id == CheckIn.case_id)
    query = with_names(
        query, CheckIn.recorded_by, required=True, recorded_by_name=User.display_name
    )
    return query.where(visible)


async def get_visible(
    session: AsyncSession, visible: ColumnElement[bool], check_in_id: uuid.UUID
) -> JoinedRow | None:
    query = _joined(visible).where(CheckIn.id == check_in_id)
    return (await session.execute(query)).one_or_none()


async def visible_case_id(
    session: AsyncSession, visible: ColumnElement[bool], check_in_id: uuid.UUID
) -> uuid.UUID | None:
    query = (
        select(CheckIn.case_id)
        .join(Case, Case.id == CheckIn.case_id)
        .where(CheckIn.id == check_in_id, visible)
    )
    return await session.scalar(query)


async def list_page(
    session: AsyncSession,
    visible: ColumnElement[bool],
    filters: CheckInFilters,
    *,
    descending: bool,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[JoinedRow]:
    query = _joined(visible)
    if filters.case_id is not None:
        query = query.where(CheckIn.case_id == filters.case_id)
    if filters.officer_id is not None:
        query = query.where(
            exists().where(
                CheckInOfficer.check_in_id == CheckIn.id,
                CheckInOfficer.user_id == filters.officer_id,
            )
        )
    if filters.visited_from is not None:
        query = query.where(CheckIn.visited_at >= filters.visited_from)
    if filters.visited_to is not None:
        query = query.where(CheckIn.visited_at < filters.visited_to)
    if filters.attitude is not None:
        query = query.where(CheckIn.attitude == filters.attitude.value)
    if filters.updated_after is not None:
        query = query.where(CheckIn.received_at > filters.updated_after)
    key = tuple_(CheckIn.visited_at, CheckIn.id)
    if after is not None:
        query = query.where(key < tuple_(*after) if descending else key > tuple_(*after))
    if descending:
        query = query.order_by(CheckIn.visited_at.desc(), CheckIn.id.desc())
    else:
        query = query.order_by(CheckIn.visited_at, CheckIn.id)
    return (await session.execute(query.limit(limit))).all()


async def officers_of(
    session: AsyncSession, check_in_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    """(id, name) of each check-in's officers, in the order they were listed."""
    if not check_in_ids:
        return {}
    query = (
        select(CheckInOfficer.check_in_id, User.id, User.display_name)
        .join(User, User.id == CheckInOfficer.user_id)
        .where(CheckInOfficer.check_in_id.in_(check_in_ids))
        .order_by(CheckInOfficer.check_in_id, CheckInOfficer.position)
    )
    found: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for check_in_id, user_id, name in await session.execute(query):
        found[check_in_id].append((user_id, name))
    return found


async def users_in_scope(
    session: AsyncSession, user_ids: Sequence[uuid.UUID], scope_path: str
) -> dict[uuid.UUID, bool]:
    """Whether each of these users in the subtree is active; users outside it are absent."""
    query = (
        select(User.id, User.is_active)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .where(User.id.in_(user_ids), OrgUnit.path.startswith(scope_path, autoescape=True))
    )
    return {user_id: bool(active) for user_id, active in await session.execute(query)}


async def id_by_client_id(
    session: AsyncSession, client_id: uuid.UUID
) -> tuple[uuid.UUID, uuid.UUID] | None:
    """(check-in id, case id) of the visit with this client id, if it was uploaded before."""
    row = (
        await session.execute(
            select(CheckIn.id, CheckIn.case_id).where(CheckIn.client_id == client_id)
        )
    ).one_or_none()
    return (row[0], row[1]) if row else None


async def add(session: AsyncSession, check_in: CheckIn, officer_ids: Sequence[uuid.UUID]) -> None:
    session.add(check_in)
    await session.flush()
    session.add_all(
        CheckInOfficer(check_in_id=check_in.id, user_id=user_id, position=position)
        for position, user_id in enumerate(officer_ids)
    )
    await session.flush()


async def return_visit_confirms(session: AsyncSession, case_id: uuid.UUID) -> bool:
    """Whether the latest visit since the case entered its current status found the petitioner
    satisfied or accepting.

    - Since the status change: for `resolve` that is since the case (re-)entered `resolving`, so
      a satisfied visit from before a reopen no longer counts.
    - The latest (by `visited_at`): a later dissatisfied visit overrides an earlier satisfied one.
    - Visits that did not reach the petitioner (`unreachable`) are skipped: they say nothing
      about the petitioner's attitude.
    """
    query = (
        select(CheckIn.attitude)
        .join(Case, Case.id == CheckIn.case_id)
        .where(
            CheckIn.case_id == case_id,
            CheckIn.visited_at >= Case.status_changed_at,
            CheckIn.attitude != Attitude.unreachable.value,
        )
        .order_by(CheckIn.visited_at.desc(), CheckIn.id.desc())
        .limit(1)
    )
    latest = await session.scalar(query)
    return latest is not None and latest in CONFIRMING
