"""All SQL of hearings. Reads join the case number and the chair's and clerk's names in one
query and load participants in one more (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, exists, func, or_, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from anjie.access.principal import Principal
from anjie.assignments.models import Assignment
from anjie.cases.enums import RoleInCase
from anjie.cases.models import Case, CasePetitioner
from anjie.cases.policies import visible_cases
from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.hearings.models import CalendarToken, Hearing, HearingParticipant, HearingStatus
from anjie.orgs.models import OrgUnit
from anjie.petitioners.models import Petitioner
from anjie.users.models import User


def _joined() -> JoinedSelect:
    # Case itself, not an alias: visible_cases() is a predicate on it.
    query = select(Hearing, Case.number.label("case_number")).join(Case, Case.id == Hearing.case_id)
    query = with_names(query, Hearing.chair_user_id, required=True, chair_name=User.display_name)
    query = with_names(query, Hearing.clerk_user_id, clerk_name=User.display_name)
    return query.options(selectinload(Hearing.participants))


def involves(user_id: uuid.UUID) -> ColumnElement[bool]:
    """The user chairs, clerks or takes part as an account holder."""
    return or_(
        Hearing.chair_user_id == user_id,
        Hearing.clerk_user_id == user_id,
        exists().where(
            HearingParticipant.hearing_id == Hearing.id, HearingParticipant.user_id == user_id
        ),
    )


async def get_joined(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID
) -> JoinedRow | None:
    query = _joined().where(Hearing.id == hearing_id, visible_cases(principal))
    return (await session.execute(query)).one_or_none()


async def lock_visible(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID
) -> tuple[Hearing, Case] | None:
    """The hearing row locked for the change, with its case (same scope as reads)."""
    query = (
        select(Hearing, Case)
        .join(Case, Case.id == Hearing.case_id)
        .where(Hearing.id == hearing_id, visible_cases(principal))
        .options(selectinload(Hearing.participants))
        .with_for_update(of=Hearing)
    )
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row else None


async def case_id_of_visible(
    session: AsyncSession, principal: Principal, hearing_id: uuid.UUID
) -> tuple[uuid.UUID, str] | None:
    query = (
        select(Hearing.case_id, Hearing.status)
        .join(Case, Case.id == Hearing.case_id)
        .where(Hearing.id == hearing_id, visible_cases(principal))
    )
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row else None


@dataclass(frozen=True)
class HearingFilters:
    case_id: uuid.UUID | None = None
    official_id: uuid.UUID | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    updated_after: datetime | None = None


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    f: HearingFilters,
    *,
    after: tuple[datetime, uuid.UUID] | None,
    descending: bool,
    limit: int,
) -> Sequence[JoinedRow]:
    query = _joined().where(visible_cases(principal))
    if f.case_id is not None:
        query = query.where(Hearing.case_id == f.case_id)
    if f.official_id is not None:
        query = query.where(involves(f.official_id))
    if f.starts_from is not None:
        query = query.where(Hearing.starts_at >= f.starts_from)
    if f.starts_before is not None:
        query = query.where(Hearing.starts_at < f.starts_before)
    if f.status:
        query = query.where(Hearing.status.in_(f.status))
    if f.kind:
        query = query.where(Hearing.kind.in_(f.kind))
    if f.updated_after is not None:
        query = query.where(Hearing.updated_at > f.updated_after)
    key = func.row(Hearing.starts_at, Hearing.id)
    if after is not None:
        bound = func.row(*after)
        query = query.where(key < bound if descending else key > bound)
    if descending:
        query = query.order_by(Hearing.starts_at.desc(), Hearing.id.desc())
    else:
        query = query.order_by(Hearing.starts_at, Hearing.id)
    return (await session.execute(query.limit(limit))).all()


async def lock_resources(session: AsyncSession, keys: Iterable[str]) -> None:
    """Transaction-scoped advisory locks on each official and place being booked, taken in one
    order by every booker so two bookings cannot deadlock — and cannot both pass the check."""
    for key in sorted(set(keys)):
        lock = func.hashtextextended(f"anjie.hearing:{key}", 0)
        await session.execute(select(func.pg_advisory_xact_lock(lock)))


async def overlapping(
    session: AsyncSession,
    *,
    starts_at: datetime,
    ends_at: datetime,
    place_norm: str,
    user_ids: Sequence[uuid.UUID],
    exclude_id: uuid.UUID | None,
) -> Sequence[Hearing]:
    """Scheduled hearings overlapping [starts_at, ends_at) that use the same place or any of
    the officials; the GiST index on the range finds the overlapping ones."""
    during = func.tstzrange(Hearing.starts_at, Hearing.ends_at, text("'[)'"))
    wanted = func.tstzrange(starts_at, ends_at, text("'[)'"))
    ids = list(user_ids)
    query = (
        select(Hearing)
        .where(
            Hearing.status == HearingStatus.scheduled.value,
            during.op("&&")(wanted),
            or_(
                Hearing.place_norm == place_norm,
                Hearing.chair_user_id.in_(ids),
                Hearing.clerk_user_id.in_(ids),
                exists().where(
                    HearingParticipant.hearing_id == Hearing.id,
                    HearingParticipant.user_id.in_(ids),
                ),
            ),
        )
        .options(selectinload(Hearing.participants))
        .order_by(Hearing.starts_at, Hearing.id)
    )
    if exclude_id is not None:
        query = query.where(Hearing.id != exclude_id)
    return (await session.scalars(query)).all()


async def is_investigator(session: AsyncSession, case_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    query = select(
        exists().where(
            Assignment.case_id == case_id,
            Assignment.user_id == user_id,
            Assignment.ended_at.is_(None),
            Assignment.role_in_case.in_(
                (RoleInCase.responsible_person.value, RoleInCase.team_member.value)
            ),
        )
    )
    return bool(await session.scalar(query))


async def active_user_names(
    session: AsyncSession, user_ids: Iterable[uuid.UUID], scope_path: str
) -> dict[uuid.UUID, str]:
    """Active users among `user_ids` whose unit is in the caller's subtree; anyone else is as
    unknown as a made-up id, so the answer does not tell which ids exist elsewhere."""
    query = (
        select(User.id, User.display_name)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .where(
            User.id.in_(list(set(user_ids))),
            User.is_active.is_(True),
            OrgUnit.path.startswith(scope_path, autoescape=True),
        )
    )
    return {row[0]: row[1] for row in (await session.execute(query)).all()}


async def case_petitioner_names(
    session: AsyncSession, case_id: uuid.UUID, petitioner_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, str]:
    query = (
        select(Petitioner.id, Petitioner.name)
        .join(CasePetitioner, CasePetitioner.petitioner_id == Petitioner.id)
        .where(CasePetitioner.case_id == case_id, Petitioner.id.in_(list(set(petitioner_ids))))
    )
    return {row[0]: row[1] for row in (await session.execute(query)).all()}


# --- calendar feed ----------------------------------------------------------------------------


async def save_token(
    session: AsyncSession, user_id: uuid.UUID, digest: bytes, at: datetime
) -> None:
    stmt = insert(CalendarToken).values(user_id=user_id, token_hash=digest, created_at=at)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CalendarToken.user_id],
        set_={"token_hash": stmt.excluded.token_hash, "created_at": stmt.excluded.created_at},
    )
    await session.execute(stmt)


async def delete_token(session: AsyncSession, user_id: uuid.UUID) -> bool:
    result = await session.execute(delete(CalendarToken).where(CalendarToken.user_id == user_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def user_of_token(session: AsyncSession, digest: bytes) -> User | None:
    query = (
        select(User)
        .join(CalendarToken, CalendarToken.user_id == User.id)
        .where(CalendarToken.token_hash == digest, User.is_active.is_(True))
    )
    return (await session.scalars(query)).one_or_none()


async def feed_rows(
    session: AsyncSession, user_id: uuid.UUID, since: datetime, limit: int
) -> Sequence[JoinedRow]:
    query = (
        _joined()
        .where(
            involves(user_id),
            Hearing.status != HearingStatus.cancelled.value,
            Hearing.starts_at >= since,
        )
        .order_by(Hearing.starts_at, Hearing.id)
        .limit(limit)
    )
    return (await session.execute(query)).all()
