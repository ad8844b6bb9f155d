"""司法救助申请: drafting, reading and listing; the steps after the draft are in workflow.py.

An application is visible exactly when its case is. Writes lock the case row first and then the
application, so concurrent steps on one case (two approvals for one person) serialise.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.errors import Violation
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import Page, decode_id_cursor, encode_cursor
from anjie.relief import repository as repo
from anjie.relief.errors import ReliefInputInvalid, ReliefNotDraft, ReliefNotFound
from anjie.relief.events import ReliefStepMoved
from anjie.relief.models import ReliefApplication, ReliefStepEntry, Step
from anjie.relief.schemas import ReliefCreate, ReliefListQuery, ReliefOut, ReliefUpdate
from anjie.relief.views import out, outs, snapshot

_EDITABLE = (
    "applicant_petitioner_id",
    "kind",
    "hardship_facts",
    "amount_requested",
    "earlier_compensation",
    "province_code",
)


async def visible(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> ReliefApplication:
    app = await repo.get_visible(session, principal, application_id)
    if app is None:
        raise ReliefNotFound()
    return app


async def writable(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> tuple[Case, ReliefApplication]:
    """The case and the application, both locked FOR UPDATE (case first: one lock order)."""
    app = await visible(session, principal, application_id)
    case = await get_visible_case(session, principal, app.case_id, for_update=True)
    return case, await repo.lock(session, app.id)


async def record(
    session: AsyncSession,
    principal: Principal,
    case: Case,
    app: ReliefApplication,
    action: str,
    *,
    opinion: str | None,
    before: dict[str, Any] | None,
    amount: Any = None,
    after_extra: dict[str, Any] | None = None,
) -> None:
    """The step history row and the audit event of one write, in the caller's transaction, and
    the fact of the step it reached, when the step changed."""
    now = clock.now()
    session.add(
        ReliefStepEntry(
            id=uuid7(),
            application_id=app.id,
            action=action,
            step=app.step,
            actor_id=principal.id,
            at=now,
            opinion=opinion,
            amount=amount,
            due_at=app.due_at,
        )
    )
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        f"relief.{action}",
        entity_type="relief_application",
        entity_id=app.id,
        case=case,
        reason=opinion,
        before=before,
        after={**snapshot(app), **(after_extra or {})},
    )
    from_step = before.get("step") if before else None
    if from_step != app.step:
        await publish(
            session,
            ReliefStepMoved(
                case_id=case.id,
                org_unit_id=case.org_unit_id,
                actor_id=principal.id,
                application_id=app.id,
                action=action,
                from_step=from_step,
                to_step=app.step,
                due_at=app.due_at,
            ),
        )


async def _check_applicant(
    session: AsyncSession, case_id: uuid.UUID, petitioner_id: uuid.UUID
) -> None:
    if not await repo.is_case_petitioner(session, case_id, petitioner_id):
        raise ReliefInputInvalid(
            [
                Violation(
                    "#/applicant_petitioner_id",
                    "not_case_petitioner",
                    "申请人须为本案信访人",
                    "The applicant must be a petitioner of the case",
                )
            ]
        )


async def create(session: AsyncSession, principal: Principal, data: ReliefCreate) -> ReliefOut:
    # A 422 for a case the caller cannot see would confirm it exists: 404 like everywhere.
    case = await get_visible_case(session, principal, data.case_id)
    await _check_applicant(session, case.id, data.applicant_petitioner_id)
    now = clock.now()
    app = ReliefApplication(
        id=uuid7(),
        case_id=case.id,
        applicant_petitioner_id=data.applicant_petitioner_id,
        province_code=data.province_code,
        kind=data.kind.value,
        hardship_facts=data.hardship_facts,
        amount_requested=data.amount_requested,
        earlier_compensation=data.earlier_compensation or None,
        step=Step.draft.value,
        exceptional=False,
        commitment_signed=False,
        created_by=principal.id,
        created_at=now,
        updated_at=now,
    )
    session.add(app)
    await session.flush()
    await record(session, principal, case, app, "create", opinion=None, before=None)
    return await out(session, principal, app)


async def get(session: AsyncSession, principal: Principal, application_id: uuid.UUID) -> ReliefOut:
    return await out(session, principal, await visible(session, principal, application_id))


def _stored(data: ReliefUpdate, name: str) -> Any:
    """A field of the update as the column holds it (enum values, blank text as NULL)."""
    value = getattr(data, name)
    if name == "kind":
        return value.value
    return (value or None) if name == "earlier_compensation" else value


async def update(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    data: ReliefUpdate,
    expected_version: int,
) -> ReliefOut:
    case, app = await writable(session, principal, application_id)
    check_version(expected_version, app.version)
    if app.step != Step.draft:
        raise ReliefNotDraft()
    fields = data.model_fields_set & set(_EDITABLE)
    changed = {n: _stored(data, n) for n in fields if getattr(app, n) != _stored(data, n)}
    if not changed:
        return await out(
            session, principal, app
        )  # nothing to record: no new version, no audit event
    if "applicant_petitioner_id" in changed and data.applicant_petitioner_id is not None:
        await _check_applicant(session, case.id, data.applicant_petitioner_id)
    before = snapshot(app)
    for name, value in changed.items():
        setattr(app, name, value)
    await record(session, principal, case, app, "update", opinion=None, before=before)
    return await out(session, principal, app)


async def list_applications(
    session: AsyncSession, principal: Principal, query: ReliefListQuery
) -> Page[ReliefOut]:
    filters = repo.ReliefFilters(
        case_id=query.case_id,
        steps=tuple(query.step or ()),
        overdue=query.overdue,
        applicant_petitioner_id=query.applicant,
        updated_after=query.updated_after,
    )
    rows = await repo.list_page(
        session,
        principal,
        filters,
        now=clock.now(),
        after_id=decode_id_cursor(query.cursor),
        limit=query.limit,
    )
    shown = list(rows[: query.limit])
    next_cursor = encode_cursor([str(shown[-1].id)]) if len(rows) > query.limit else None
    return Page[ReliefOut](items=await outs(session, principal, shown), next_cursor=next_cursor)
