"""All SQL of supervision notices. A notice is seen exactly when its case is (cases.policies);
reads join the case number, the issuer's and the unit's names and the latest reply deadline in
one statement, and a page's addressees and replies in one more each (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Label, exists, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from anjie.access.principal import Principal
from anjie.assignments.models import Assignment
from anjie.cases.models import Case
from anjie.cases.policies import visible_cases
from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.notices.models import SupervisionNotice, SupervisionNoticeCounter, SupervisionReply
from anjie.orgs.models import OrgUnit
from anjie.supervision.models import Deadline, SubjectType
from anjie.supervision.rules import DeadlineRuleKind
from anjie.users.models import User


async def next_seq(session: AsyncSession, issuing_unit_id: uuid.UUID, year: int) -> int:
    """The next number of a unit's year. The upsert keeps the counter row locked until the
    transaction ends, so concurrent issues queue here and a rollback returns the number."""
    statement = (
        insert(SupervisionNoticeCounter)
        .values(issuing_unit_id=issuing_unit_id, year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=[
                SupervisionNoticeCounter.issuing_unit_id,
                SupervisionNoticeCounter.year,
            ],
            set_={"last_seq": SupervisionNoticeCounter.last_seq + 1},
        )
        .returning(SupervisionNoticeCounter.last_seq)
    )
    return int((await session.execute(statement)).scalar_one())


def _latest_deadline() -> Label[uuid.UUID]:
    # A returned notice has had several reply deadlines; the newest is the one that counts.
    return (
        select(Deadline.id)
        .where(
            Deadline.kind == DeadlineRuleKind.notice_reply.value,
            Deadline.subject_type == SubjectType.supervision_notice.value,
            Deadline.subject_id == SupervisionNotice.id,
        )
        .order_by(Deadline.created_at.desc(), Deadline.id.desc())
        .limit(1)
        .correlate(SupervisionNotice)
        .scalar_subquery()
        .label("deadline_id")
    )


def _joined() -> JoinedSelect:
    # Case itself, not an alias: visible_cases() is a predicate on it.
    query = select(SupervisionNotice, Case.number.label("case_number"), _latest_deadline()).join(
        Case, Case.id == SupervisionNotice.case_id
    )
    query = with_names(
        query, SupervisionNotice.issued_by, required=True, issuer_name=User.display_name
    )
    return with_names(query, SupervisionNotice.to_unit_id, to_unit_name=OrgUnit.name)


async def get_joined(
    session: AsyncSession, principal: Principal, notice_id: uuid.UUID
) -> JoinedRow | None:
    query = _joined().where(SupervisionNotice.id == notice_id, visible_cases(principal))
    return (await session.execute(query)).one_or_none()


async def lock_visible(
    session: AsyncSession, principal: Principal, notice_id: uuid.UUID
) -> tuple[SupervisionNotice, Case] | None:
    """The notice row locked for the change, with its case (same scope as reads)."""
    query = (
        select(SupervisionNotice, Case)
        .join(Case, Case.id == SupervisionNotice.case_id)
        .where(SupervisionNotice.id == notice_id, visible_cases(principal))
        .with_for_update(of=SupervisionNotice)
    )
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row else None


@dataclass(frozen=True)
class NoticeFilters:
    case_id: uuid.UUID | None = None
    status: tuple[str, ...] = ()
    to_user_id: uuid.UUID | None = None


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    f: NoticeFilters,
    *,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[JoinedRow]:
    """Newest first: ids are time-ordered (uuid7), so the id alone is the keyset."""
    query = _joined().where(visible_cases(principal))
    if f.case_id is not None:
        query = query.where(SupervisionNotice.case_id == f.case_id)
    if f.status:
        query = query.where(SupervisionNotice.status.in_(f.status))
    if f.to_user_id is not None:
        query = query.where(SupervisionNotice.to_user_ids.contains([f.to_user_id]))
    if before is not None:
        query = query.where(SupervisionNotice.id < before)
    query = query.order_by(SupervisionNotice.id.desc()).limit(limit)
    return (await session.execute(query)).all()


async def user_names(
    session: AsyncSession, user_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    query = select(User.id, User.display_name).where(User.id.in_(list(set(user_ids))))
    return {row[0]: row[1] for row in (await session.execute(query)).all()}


async def replies_of(
    session: AsyncSession, notice_ids: Collection[uuid.UUID]
) -> Sequence[JoinedRow]:
    """The replies of these notices with their authors' names, oldest first."""
    if not notice_ids:
        return []
    query = select(SupervisionReply, User.display_name.label("author_name")).join(
        User, User.id == SupervisionReply.author_id
    )
    query = query.where(SupervisionReply.notice_id.in_(list(set(notice_ids))))
    query = query.order_by(SupervisionReply.created_at, SupervisionReply.id)
    return (await session.execute(query)).all()


def _holds(
    case_id: uuid.UUID,
    user_id: uuid.UUID | ColumnElement[uuid.UUID] | QueryableAttribute[uuid.UUID],
) -> ColumnElement[bool]:
    return exists().where(
        Assignment.case_id == case_id,
        Assignment.user_id == user_id,
        Assignment.ended_at.is_(None),
    )


async def addressable(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    user_ids: Collection[uuid.UUID],
) -> dict[uuid.UUID, str]:
    """Of these users, the active ones in the issuer's subtree who hold the case (包案)."""
    if not user_ids:
        return {}
    query = (
        select(User.id, User.display_name)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .where(
            User.id.in_(list(set(user_ids))),
            User.is_active.is_(True),
            OrgUnit.path.startswith(principal.org_path, autoescape=True),
            _holds(case_id, User.id),
        )
    )
    return {row[0]: row[1] for row in (await session.execute(query)).all()}


async def unit_in_scope(
    session: AsyncSession, principal: Principal, unit_id: uuid.UUID
) -> OrgUnit | None:
    query = select(OrgUnit).where(
        OrgUnit.id == unit_id,
        OrgUnit.is_active.is_(True),
        OrgUnit.path.startswith(principal.org_path, autoescape=True),
    )
    return (await session.scalars(query)).one_or_none()


async def get_unit(session: AsyncSession, unit_id: uuid.UUID) -> OrgUnit:
    return (await session.scalars(select(OrgUnit).where(OrgUnit.id == unit_id))).one()


async def holds_case(session: AsyncSession, case_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    return bool(await session.scalar(select(_holds(case_id, user_id))))


async def case_of_visible_reply(
    session: AsyncSession, principal: Principal, reply_id: uuid.UUID
) -> uuid.UUID | None:
    query = (
        select(SupervisionNotice.case_id)
        .join(SupervisionReply, SupervisionReply.notice_id == SupervisionNotice.id)
        .join(Case, Case.id == SupervisionNotice.case_id)
        .where(SupervisionReply.id == reply_id, visible_cases(principal))
    )
    return await session.scalar(query)
