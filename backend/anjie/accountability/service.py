"""Accountability reviews (责任倒查): opened by hand or by the worker when a deadline is past
its grace, decided once by a leader who is not among the persons concerned.

The persons are those who held the case when the deadline passed (its `due_at`), from the
assignment history: a later holder does not answer for an earlier holder's miss.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.accountability import repository as repo
from anjie.accountability.errors import (
    AlreadyDecided,
    CaseNotFound,
    DeciderConcerned,
    RecordNotFound,
)
from anjie.accountability.events import AccountabilityDecided, AccountabilityOpened
from anjie.accountability.models import (
    AccountabilityDecision,
    AccountabilityRecord,
    AccountabilityStatus,
)
from anjie.accountability.views import snapshot
from anjie.audit import service as audit
from anjie.core import clock
from anjie.core.errors import ValidationFailed
from anjie.core.events import publish
from anjie.core.ids import uuid7


def _person_ids(persons: Sequence[dict[str, Any]]) -> tuple[uuid.UUID, ...]:
    return tuple(dict.fromkeys(uuid.UUID(p["user_id"]) for p in persons if p.get("user_id")))


async def persons_at(
    session: AsyncSession, case_id: uuid.UUID, moments: Sequence[datetime]
) -> list[dict[str, Any]]:
    """The holders at each moment, each holding once (the same assignment covering several)."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for at in sorted(moments):
        for person in await repo.holders_at(session, case_id, at):
            key = (
                person["role_in_case"],
                person["user_id"],
                person["org_unit_id"],
                person["started_at"],
            )
            seen.setdefault(key, person)
    return list(seen.values())


async def _opened(
    session: AsyncSession, actor: audit.Actor | Principal, record: AccountabilityRecord
) -> None:
    case = await repo.case_of(session, record.case_id)
    await audit.record_on_case(
        session,
        actor,
        "accountability.open",
        case=case,
        entity_type="accountability_record",
        entity_id=record.id,
        after=snapshot(record),
    )
    await publish(
        session,
        AccountabilityOpened(
            case_id=record.case_id,
            org_unit_id=record.org_unit_id,
            actor_id=record.opened_by,
            record_id=record.id,
            person_ids=_person_ids(record.persons),
            deadline_ids=tuple(record.deadline_ids),
        ),
    )


async def open_by_hand(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    deadline_ids: Sequence[uuid.UUID],
    finding: str | None,
) -> AccountabilityRecord:
    """The office or a leader opens a review of missed deadlines of a case it sees."""
    case = await repo.visible_case(session, principal, case_id)
    if case is None:
        raise CaseNotFound()
    wanted = list(dict.fromkeys(deadline_ids))
    due = await repo.deadlines_on_case(session, case.id, wanted)
    foreign = [i for i, d in enumerate(deadline_ids) if d not in due]
    if foreign:
        # Another case's deadline (or none at all) is the caller's mistake, not a lookup.
        raise ValidationFailed(
            errors=[
                {
                    "pointer": f"#/deadline_ids/{i}",
                    "detail": "not a deadline of this case",
                    "code": "deadline_not_on_case",
                }
                for i in foreign
            ]
        )
    now = clock.now()
    record = AccountabilityRecord(
        id=uuid7(),
        case_id=case.id,
        org_unit_id=case.org_unit_id,
        deadline_ids=wanted,
        persons=await persons_at(session, case.id, list(due.values())),
        opened_at=now,
        opened_by=principal.id,
        finding=finding,
        status=AccountabilityStatus.open.value,
    )
    session.add(record)
    await session.flush()
    await _opened(session, principal, record)
    return record


async def open_for_deadline(
    session: AsyncSession,
    *,
    case_id: uuid.UUID,
    deadline_id: uuid.UUID,
    due_at: datetime,
) -> AccountabilityRecord | None:
    """The worker's review of one deadline past its grace: opened once (its source key is
    unique), audited as the system; None when it was opened already."""
    case = await repo.case_of(session, case_id)
    record_id = await repo.insert_once(
        session,
        {
            "id": uuid7(),
            "case_id": case.id,
            "org_unit_id": case.org_unit_id,
            "deadline_ids": [deadline_id],
            "persons": await persons_at(session, case.id, [due_at]),
            "opened_at": clock.now(),
            "opened_by": None,
            "source_key": f"deadline:{deadline_id}",
            "status": AccountabilityStatus.open.value,
            "version": 1,
        },
    )
    if record_id is None:
        return None
    record = await repo.get(session, record_id)
    await _opened(session, audit.Actor.system(), record)
    return record


async def get(
    session: AsyncSession, principal: Principal, record_id: uuid.UUID
) -> AccountabilityRecord:
    record = await repo.get_visible(session, principal, record_id)
    if record is None:
        raise RecordNotFound()
    return record


async def list_records(
    session: AsyncSession,
    principal: Principal,
    filters: repo.RecordFilters,
    *,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[AccountabilityRecord]:
    return await repo.list_visible(session, principal, filters, before=before, limit=limit)


async def decide(
    session: AsyncSession,
    principal: Principal,
    record_id: uuid.UUID,
    decision: AccountabilityDecision,
    finding: str,
    note: str | None,
) -> AccountabilityRecord:
    """Once; never by a person the record concerns (no one judges their own miss)."""
    record = await repo.get_visible(session, principal, record_id, for_update=True)
    if record is None:
        raise RecordNotFound()
    if record.status == AccountabilityStatus.decided:
        raise AlreadyDecided()
    if principal.id in _person_ids(record.persons):
        raise DeciderConcerned()
    before = snapshot(record)
    record.decision, record.finding, record.decision_note = decision.value, finding, note
    record.decided_by, record.decided_at = principal.id, clock.now()
    record.status = AccountabilityStatus.decided.value
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        "accountability.decide",
        case=await repo.case_of(session, record.case_id),
        entity_type="accountability_record",
        entity_id=record.id,
        before=before,
        after=snapshot(record),
    )
    await publish(
        session,
        AccountabilityDecided(
            case_id=record.case_id,
            org_unit_id=record.org_unit_id,
            actor_id=principal.id,
            record_id=record.id,
            person_ids=_person_ids(record.persons),
            decision=decision.value,
        ),
    )
    return record
