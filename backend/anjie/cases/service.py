"""Case registry rules: register a case (numbered per unit and year), read it, correct it.

Lock order matters because the audit trail serialises every writer with one advisory lock, held
to commit: whatever else a request must wait for comes before its first audit record. So checks
run first and hold the rows the case will reference (campaign, known petitioners) FOR KEY SHARE;
then a create takes its unit's number-counter row (a PATCH holds the case row from the start);
only then are new petitioners and the case written and audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.campaigns import service as campaigns
from anjie.cases import repository as repo
from anjie.cases import rules, views
from anjie.cases.errors import CaseDataInvalid, CaseNotFound, Violation
from anjie.cases.events import CaseRegistered, CaseUpdated
from anjie.cases.listing import SORTS
from anjie.cases.models import Case, CasePetitioner, CaseProcedure, CaseReceivingOrgan
from anjie.cases.petitioner_links import plan_petitioners
from anjie.cases.schemas import (
    CaseCreate,
    CaseListQuery,
    CaseOut,
    CaseUpdate,
    ProcedureIn,
    ReceivingOrganIn,
)
from anjie.core import clock
from anjie.core.calendar import SHANGHAI
from anjie.core.concurrency import check_version
from anjie.core.crypto import PiiCipher
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import Page
from anjie.orgs import repository as orgs_repo
from anjie.orgs.errors import OrgUnitNotFound


def _plain(value: Any) -> Any:
    """Enum members as their values, so stored, compared and audited values are plain."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _organs(items: Sequence[ReceivingOrganIn]) -> list[CaseReceivingOrgan]:
    return [
        CaseReceivingOrgan(
            position=i,
            organ=o.organ.value,
            reference_number=o.reference_number,
            received_on=o.received_on,
        )
        for i, o in enumerate(items)
    ]


def _procedures(items: Sequence[ProcedureIn]) -> list[CaseProcedure]:
    return [
        CaseProcedure(
            position=i,
            stage=p.stage.value,
            organ=p.organ,
            decided_on=p.decided_on,
            reference_number=p.reference_number,
            conclusion=p.conclusion,
        )
        for i, p in enumerate(items)
    ]


async def _check_campaign(
    session: AsyncSession, principal: Principal, campaign_id: uuid.UUID, unit_path: str
) -> list[Violation]:
    """The campaign must be visible (else 404) and issued by the case's unit or one above it."""
    campaign = await campaigns.get(session, principal, campaign_id)
    issuer_path = await orgs_repo.get_path(session, campaign.org_unit_id)
    if issuer_path is not None and unit_path.startswith(issuer_path):
        await repo.hold_campaign(session, campaign_id)
        return []
    return [
        Violation(
            "#/campaign_id",
            "campaign_not_applicable",
            "该专项活动不是本单位或上级单位部署的",
            "The campaign was not issued by the case's unit or a unit above it",
        )
    ]


async def _load_out(session: AsyncSession, case_id: uuid.UUID) -> CaseOut:
    """The case as just written: server-set values re-read, caller's scope already checked."""
    row = await repo.get_visible(session, None, case_id, fresh=True)
    if row is None:
        raise CaseNotFound()
    return (await views.outs(session, [row]))[0]


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=SHANGHAI)


async def get(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> CaseOut:
    row = await repo.get_visible(session, principal, case_id)
    if row is None:
        raise CaseNotFound()
    return (await views.outs(session, [row]))[0]


async def list_cases(
    session: AsyncSession,
    principal: Principal,
    query: CaseListQuery,
) -> Page[CaseOut]:
    filters = repo.CaseFilters(
        status=[s.value for s in query.status or ()],
        category=query.category,
        receiving_organ=query.receiving_organ,
        org_unit_id=query.org_unit_id,
        responsible_person_id=query.responsible_person_id,
        responsible_leader_id=query.responsible_leader_id,
        risk_level=query.risk_level,
        three_cross_flags=[f.value for f in query.three_cross_flag or ()],
        sensitive_period=query.sensitive_period,
        threat_recorded=query.threat_recorded,
        in_scope=query.in_scope,
        campaign_id=query.campaign_id,
        q=query.q,
        updated_after=query.updated_after,
        overdue_at=clock.now() if query.overdue else None,
        due_before=_day_start(query.due_before) if query.due_before else None,
    )
    order = SORTS[query.sort]
    after = order.parse(query.cursor)
    rows = await repo.list_visible(
        session, principal, filters, sort=order, after=after, limit=query.limit + 1
    )
    shown = rows[: query.limit]
    next_cursor = None
    if len(rows) > query.limit:
        last = shown[-1][0]
        next_cursor = order.key_of(getattr(last, order.column), last.id)
    return Page[CaseOut](items=await views.outs(session, shown), next_cursor=next_cursor)


async def create(
    session: AsyncSession, principal: Principal, cipher: PiiCipher, data: CaseCreate
) -> CaseOut:
    unit = await orgs_repo.get_in_scope(
        session, data.org_unit_id or principal.org_unit_id, principal.org_path
    )
    if unit is None:
        raise OrgUnitNotFound()
    found = await _check_campaign(session, principal, data.campaign_id, unit.path)
    if not unit.is_active:
        found.append(
            Violation("#/org_unit_id", "org_unit_inactive", "该单位已停用", "The unit is disabled")
        )
    values: dict[str, Any] = {name: _plain(getattr(data, name)) for name in views.FIELDS}
    values["registered_on"] = data.registered_on or clock.today()
    values["group_size"] = data.group_size or len(data.petitioners)
    values.update(
        receiving_organs=data.receiving_organs,
        procedures=data.procedures,
        petitioners=data.petitioners,
        petitioner_count=len(data.petitioners),
    )
    if found:
        raise CaseDataInvalid(found)
    rules.check(values, changed=set(values), today=clock.today())
    case_id = uuid7()
    plan = await plan_petitioners(session, principal, cipher, data.petitioners)

    # Writes from here on: the unit's number counter (its row locked to commit), then the
    # audited rows.
    year = values["registered_on"].year
    seq = await repo.next_seq(session, unit.id, year)
    number = f"{unit.code}-{year}-{seq:04d}"
    petitioner_ids = await plan.execute(unit_id=unit.id, case_id=case_id)
    for name in ("receiving_organs", "procedures", "petitioners", "petitioner_count"):
        values.pop(name)
    case = Case(
        id=case_id,
        org_unit_id=unit.id,
        number=number,
        number_year=year,
        number_seq=seq,
        created_by=principal.id,
        receiving_organs=_organs(data.receiving_organs),
        procedures=_procedures(data.procedures),
        petitioner_links=[
            CasePetitioner(petitioner_id=pid, position=i) for i, pid in enumerate(petitioner_ids)
        ],
        **values,
    )
    session.add(case)
    await session.flush()
    await audit.record(
        session,
        principal,
        "case.create",
        entity_type="case",
        entity_id=case.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        case_id=case.id,
        after=views.snapshot(case),
    )
    await publish(
        session,
        CaseRegistered(
            case_id=case.id,
            org_unit_id=unit.id,
            actor_id=principal.id,
            campaign_id=case.campaign_id,
            number=case.number,
        ),
    )
    return await _load_out(session, case.id)


async def update(
    session: AsyncSession,
    principal: Principal,
    cipher: PiiCipher,
    case_id: uuid.UUID,
    data: CaseUpdate,
    expected_version: int,
) -> CaseOut:
    case = await repo.lock_visible(session, principal, case_id)
    if case is None:
        raise CaseNotFound()
    check_version(expected_version, case.version)
    before = views.snapshot(case)
    changed = set(data.model_fields_set)
    unit_path = await orgs_repo.get_path(session, case.org_unit_id) or ""

    found: list[Violation] = []
    if data.campaign_id is not None and data.campaign_id != case.campaign_id:
        found += await _check_campaign(session, principal, data.campaign_id, unit_path)
    if data.registered_on is not None and data.registered_on.year != case.number_year:
        found.append(
            Violation(
                "#/registered_on",
                "number_year_fixed",
                f"登记日期须在案件编号的年度（{case.number_year}）内",
                f"registered_on must stay in the case number's year ({case.number_year})",
            )
        )
    if found:
        raise CaseDataInvalid(found)
    values: dict[str, Any] = {name: getattr(case, name) for name in views.FIELDS}
    values.update(receiving_organs=case.receiving_organs, procedures=case.procedures)
    values["petitioner_count"] = len(case.petitioner_links)
    for name in changed:
        values[name] = _plain(getattr(data, name))
    if data.petitioners is not None:
        values["petitioner_count"] = len(data.petitioners)
    rules.check(values, changed=changed, today=clock.today())
    petitioner_ids: list[uuid.UUID] | None = None
    if data.petitioners is not None:
        plan = await plan_petitioners(session, principal, cipher, data.petitioners)
        # New petitioners are written (and audited) before the case is touched: their flushes
        # would otherwise write the case row early and step its version twice.
        petitioner_ids = await plan.execute(unit_id=case.org_unit_id, case_id=case.id)

    for name in changed & set(views.FIELDS):
        if values[name] != getattr(case, name):
            setattr(case, name, values[name])
    if data.receiving_organs is not None:
        organs = _organs(data.receiving_organs)
        if views.snapshot_organs(organs) != views.snapshot_organs(case.receiving_organs):
            case.receiving_organs = organs
    if data.procedures is not None:
        procedures = _procedures(data.procedures)
        if views.snapshot_procedures(procedures) != views.snapshot_procedures(case.procedures):
            case.procedures = procedures
    if petitioner_ids is not None and petitioner_ids != [
        link.petitioner_id for link in case.petitioner_links
    ]:
        case.petitioner_links = [
            CasePetitioner(petitioner_id=pid, position=i) for i, pid in enumerate(petitioner_ids)
        ]
    after = views.snapshot(case)
    diff = [key for key in after if after[key] != before[key]]
    if not diff:
        return await _load_out(session, case.id)
    await session.flush()
    await audit.record(
        session,
        principal,
        "case.update",
        entity_type="case",
        entity_id=case.id,
        org_unit_id=case.org_unit_id,
        org_path=unit_path,
        case_id=case.id,
        before={key: before[key] for key in diff},
        after={key: after[key] for key in diff},
    )
    await publish(
        session,
        CaseUpdated(
            case_id=case.id,
            org_unit_id=case.org_unit_id,
            actor_id=principal.id,
            fields=tuple(diff),
        ),
    )
    return await _load_out(session, case.id)
