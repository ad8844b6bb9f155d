"""All SQL of the case registry. Reads are scoped by `cases.policies.visible_cases`; related
rows are loaded per page in a fixed number of statements, whatever the page size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, exists, func, select, tuple_
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload

from anjie.access.principal import Principal
from anjie.campaigns.models import Campaign
from anjie.cases.enums import ProcedureStage, RoleInCase
from anjie.cases.listing import Sort
from anjie.cases.models import (
    Case,
    CaseNumberCounter,
    CasePetitioner,
    CaseProcedure,
    CaseReceivingOrgan,
)
from anjie.cases.policies import visible_cases
from anjie.cases.ports import Holder, deadlines, responsibility
from anjie.orgs.models import OrgUnit
from anjie.petitioners import repository as petitioners_repo
from anjie.petitioners.models import Petitioner

# A case with its campaign's cut-off date, which decides `in_scope`.
CaseRow = tuple[Case, date]

RESPONSIBLE_ROLES = (
    RoleInCase.responsible_leader,
    RoleInCase.responsible_department,
    RoleInCase.responsible_person,
)


async def next_seq(session: AsyncSession, org_unit_id: uuid.UUID, year: int) -> int:
    """The next sequence number of a unit's year. The upsert keeps the counter row locked until
    the transaction ends, so concurrent creates queue here and a rollback returns the number."""
    statement = (
        insert(CaseNumberCounter)
        .values(org_unit_id=org_unit_id, year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=[CaseNumberCounter.org_unit_id, CaseNumberCounter.year],
            set_={"last_seq": CaseNumberCounter.last_seq + 1},
        )
        .returning(CaseNumberCounter.last_seq)
    )
    return int((await session.execute(statement)).scalar_one())


def _with_cutoff(principal: Principal | None) -> Select[Case, date]:
    query = (
        select(Case, Campaign.cutoff_date)
        .join(Campaign, Campaign.id == Case.campaign_id)
        .options(selectinload(Case.receiving_organs), selectinload(Case.procedures))
    )
    return query if principal is None else query.where(visible_cases(principal))


async def get_visible(
    session: AsyncSession, principal: Principal | None, case_id: uuid.UUID, *, fresh: bool = False
) -> CaseRow | None:
    """The case if `principal` may see it (None: a case the service has just written).
    `fresh` re-reads rows already in the session, for the values the server set on write."""
    query = _with_cutoff(principal).where(Case.id == case_id)
    if fresh:
        query = query.execution_options(populate_existing=True)
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row else None


async def lock_visible(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> Case | None:
    """The case row locked FOR UPDATE, with the lists a PATCH may replace."""
    query = (
        select(Case)
        .where(Case.id == case_id, visible_cases(principal))
        .options(
            selectinload(Case.receiving_organs),
            selectinload(Case.procedures),
            selectinload(Case.petitioner_links),
        )
        .with_for_update(of=Case)
    )
    return (await session.scalars(query)).one_or_none()


async def petitioners_of(
    session: AsyncSession, case_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[Petitioner]]:
    """Every listed case's petitioners, in their order on the case, in one statement."""
    query = (
        select(CasePetitioner.case_id, Petitioner)
        .join(Petitioner, Petitioner.id == CasePetitioner.petitioner_id)
        .where(CasePetitioner.case_id.in_(case_ids))
        .order_by(CasePetitioner.case_id, CasePetitioner.position)
    )
    found: dict[uuid.UUID, list[Petitioner]] = defaultdict(list)
    for case_id, petitioner in await session.execute(query):
        found[case_id].append(petitioner)
    return found


async def responsibles_of(
    session: AsyncSession, case_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Holder]]:
    """The active leader, department and person of every listed case, in one statement."""
    return await responsibility().holders(session, case_ids, RESPONSIBLE_ROLES)


async def hold_visible_petitioners(
    session: AsyncSession, principal: Principal, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Petitioner]:
    """The petitioners the caller can see, held FOR KEY SHARE until commit: the case will link
    to them (a foreign key), and the hold must come before the audit chain is locked, or an
    edit holding a petitioner row while waiting for the chain would deadlock with us."""
    query = (
        select(Petitioner)
        .where(Petitioner.id.in_(ids), petitioners_repo.visible(principal))
        .with_for_update(key_share=True, of=Petitioner)
    )
    return {p.id: p for p in await session.scalars(query)}


async def hold_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> None:
    """FOR KEY SHARE on the campaign the case will reference, for the same reason."""
    query = select(Campaign.id).where(Campaign.id == campaign_id).with_for_update(key_share=True)
    await session.execute(query)


async def visible_by_blind_index(
    session: AsyncSession, principal: Principal, indexes: Collection[bytes]
) -> dict[bytes, uuid.UUID]:
    query = select(Petitioner.id_number_bidx, Petitioner.id).where(
        Petitioner.id_number_bidx.in_(indexes), petitioners_repo.visible(principal)
    )
    return {bidx: pid for bidx, pid in await session.execute(query) if bidx is not None}


async def cutoff_of(session: AsyncSession, campaign_id: uuid.UUID) -> date:
    return (
        await session.execute(select(Campaign.cutoff_date).where(Campaign.id == campaign_id))
    ).scalar_one()


# --- lists -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseFilters:
    status: Sequence[str] = ()
    category: str | None = None
    receiving_organ: str | None = None
    org_unit_id: uuid.UUID | None = None
    responsible_person_id: uuid.UUID | None = None
    responsible_leader_id: uuid.UUID | None = None
    risk_level: str | None = None
    three_cross_flags: Sequence[str] = ()
    sensitive_period: bool | None = None
    threat_recorded: bool | None = None
    in_scope: bool | None = None
    campaign_id: uuid.UUID | None = None
    q: str | None = None
    updated_after: datetime | None = None
    overdue_at: datetime | None = None
    due_before: datetime | None = None


def _held_by(role: RoleInCase, user_id: uuid.UUID) -> ColumnElement[bool]:
    return responsibility().held(Case.id, user_id, role)


def _like_pattern(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_conditions(f: CaseFilters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.status:
        where.append(Case.status.in_(f.status))
    if f.category is not None:
        where.append(Case.category == f.category)
    if f.receiving_organ is not None:
        where.append(
            exists().where(
                CaseReceivingOrgan.case_id == Case.id, CaseReceivingOrgan.organ == f.receiving_organ
            )
        )
    if f.org_unit_id is not None:
        # The unit's subtree; the caller's own scope still applies on top (visible_cases).
        owner, top = aliased(OrgUnit), aliased(OrgUnit)
        top_path = select(top.path).where(top.id == f.org_unit_id).scalar_subquery()
        where.append(
            exists().where(owner.id == Case.org_unit_id, func.starts_with(owner.path, top_path))
        )
    if f.responsible_person_id is not None:
        where.append(_held_by(RoleInCase.responsible_person, f.responsible_person_id))
    if f.responsible_leader_id is not None:
        where.append(_held_by(RoleInCase.responsible_leader, f.responsible_leader_id))
    if f.risk_level is not None:
        where.append(Case.risk_level == f.risk_level)
    if f.three_cross_flags:
        # Array containment (@>): every requested flag is set. The model's column is the
        # generic ARRAY, which has no contains(); the operator is spelled out.
        wanted = pg_array(list(f.three_cross_flags), type_=String(40))
        where.append(Case.three_cross_flags.op("@>", is_comparison=True)(wanted))
    if f.sensitive_period is not None:
        where.append(Case.sensitive_period.is_(f.sensitive_period))
    if f.threat_recorded is not None:
        where.append(Case.threat_recorded.is_(f.threat_recorded))
    if f.in_scope is not None:
        inside = Case.first_petition_on <= Campaign.cutoff_date
        where.append(inside if f.in_scope else ~inside)
    if f.campaign_id is not None:
        where.append(Case.campaign_id == f.campaign_id)
    if f.q:
        # ILIKE on the generated column uses the pg_trgm GIN index and matches Chinese
        # substrings (word-based full-text search would not split 撤销公证书 into words).
        where.append(Case.search_text.ilike(_like_pattern(f.q), escape="\\"))
    if f.updated_after is not None:
        where.append(Case.updated_at > f.updated_after)
    if f.overdue_at is not None or f.due_before is not None:
        where.append(deadlines().due(Case.id, overdue_at=f.overdue_at, due_before=f.due_before))
    return where


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    filters: CaseFilters,
    *,
    sort: Sort,
    after: tuple[Any, uuid.UUID] | None,
    limit: int,
) -> list[CaseRow]:
    """One page in keyset order on (sort value, id)."""
    column = getattr(Case, sort.column)
    query = _with_cutoff(principal).where(*filter_conditions(filters))
    if after is not None:
        key, value = tuple_(column, Case.id), tuple_(after[0], after[1])
        query = query.where(key < value if sort.descending else key > value)
    if sort.descending:
        query = query.order_by(column.desc(), Case.id.desc())
    else:
        query = query.order_by(column.asc(), Case.id.asc())
    rows = await session.execute(query.limit(limit))
    return [(case, cutoff) for case, cutoff in rows]


async def re_reviewed(session: AsyncSession, case_id: uuid.UUID) -> bool:
    """Whether the case's procedure reached 复核 (re-review): termination needs it."""
    query = select(
        exists().where(
            CaseProcedure.case_id == case_id, CaseProcedure.stage == ProcedureStage.re_review.value
        )
    )
    return bool(await session.scalar(query))


async def campaign_with_phases(session: AsyncSession, campaign_id: uuid.UUID) -> Campaign | None:
    query = (
        select(Campaign).where(Campaign.id == campaign_id).options(selectinload(Campaign.phases))
    )
    return (await session.scalars(query)).one_or_none()
