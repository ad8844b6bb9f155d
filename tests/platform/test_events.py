"""Domain events through HTTP on real PostgreSQL: subscribers run inside the publishing request's
transaction, see its rows, and share its fate."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anjie import wiring
from anjie.access.dependencies import Public
from anjie.audit import service as audit
from anjie.cases.events import (
    CaseFact,
    CaseRegistered,
    CaseReopened,
    CaseStatusChanged,
    CaseUpdated,
)
from anjie.config import Settings
from anjie.core.db import SessionDep
from anjie.core.errors import Conflict
from anjie.core.events import DomainEvent, EventBus, publish
from anjie.hearings.events import HearingFact
from anjie.main import create_app
from anjie.relief.events import ReliefStepMoved
from tests.cases.support import bureau, case_body, counts
from tests.checkins.support import record, resolving_scene, visit
from tests.factories import World
from tests.hearings.support import hearing_scene, in_days, iso
from tests.relief.support import relief_scene


class Refused(Conflict):
    code = "test_refused"
    message_zh = "订阅者拒绝"
    message_en = "A subscriber refused"


@dataclass
class Harness:
    app: FastAPI
    bus: EventBus
    world: World
    seen: list[Any] = field(default_factory=list)


@pytest.fixture
async def h(
    settings: Settings, admin_conn: asyncpg.Connection, clean_db: None
) -> AsyncIterator[Harness]:
    """An app of its own, with the standard subscribers and whatever a test adds."""
    bus = wiring.event_bus()
    app = create_app(settings, events=bus)

    async def fail_after_publishing(session: SessionDep, fail: bool = True) -> dict[str, str]:
        fact = CaseUpdated(
            case_id=uuid.uuid4(), org_unit_id=uuid.uuid4(), actor_id=None, fields=("title",)
        )
        await publish(session, fact)
        if fail:
            raise Refused()
        return {"published": fact.name}

    app.add_api_route(
        "/test/publish", fail_after_publishing, methods=["POST"], dependencies=[Public]
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as c:
            yield Harness(app, bus, World(client=c, conn=admin_conn, settings=settings))


async def _mark(session: AsyncSession, event: DomainEvent) -> None:
    """A subscriber's own write: an audit event, so it is visible after the request or not."""
    await audit.record(
        session,
        audit.Actor.system(),
        "test.subscriber",
        entity_type="test",
        after={"fact": event.name},
    )


async def _marks(conn: asyncpg.Connection) -> int:
    return int(
        await conn.fetchval("SELECT count(*) FROM audit_event WHERE action = 'test.subscriber'")
    )


async def test_a_subscriber_sees_the_publishing_write_and_its_effect_commits(h: Harness) -> None:
    seen: list[tuple[str, str | None, int]] = []

    async def look(session: AsyncSession, event: CaseRegistered) -> None:
        number = await session.scalar(
            text("SELECT number FROM petition_case WHERE id = :id"), {"id": event.case_id}
        )
        audited = await session.scalar(
            text("SELECT count(*) FROM audit_event WHERE case_id = :id AND action = 'case.create'"),
            {"id": event.case_id},
        )
        seen.append((event.number, number, int(audited or 0)))
        await _mark(session, event)

    h.bus.subscribe(CaseRegistered, look)
    b = await bureau(h.world)
    response = await h.world.client.post(
        "/api/v1/cases", json=case_body(b.campaign_id), headers=h.world.auth(b.office)
    )

    assert response.status_code == 201, response.text
    number = response.json()["number"]
    # The case row and its audit event were there, uncommitted, when the subscriber ran.
    assert seen == [(number, number, 1)]
    assert await _marks(h.world.conn) == 1


@pytest.mark.parametrize(("error", "status"), [(Refused, 409), (RuntimeError, 500)])
async def test_a_subscriber_that_raises_leaves_nothing_written(
    h: Harness, error: type[Exception], status: int
) -> None:
    async def refuse(session: AsyncSession, event: CaseRegistered) -> None:
        raise error()

    # An earlier subscriber's write goes with the rest.
    h.bus.subscribe(CaseRegistered, _mark)
    h.bus.subscribe(CaseRegistered, refuse)
    b = await bureau(h.world)
    before = await counts(h.world.conn)

    response = await h.world.client.post(
        "/api/v1/cases", json=case_body(b.campaign_id), headers=h.world.auth(b.office)
    )

    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    if error is Refused:
        assert response.json()["code"] == "test_refused"
    # Not the case, not its new petitioner, not its audit event, not the other subscriber's.
    assert await counts(h.world.conn) == before
    assert await _marks(h.world.conn) == 0


async def test_a_request_that_fails_after_publishing_leaves_no_subscriber_effect(
    h: Harness,
) -> None:
    h.bus.subscribe(CaseUpdated, _mark)

    failed = await h.world.client.post("/test/publish")
    assert failed.status_code == 409
    assert await _marks(h.world.conn) == 0

    kept = await h.world.client.post("/test/publish", params={"fail": "false"})
    assert kept.status_code == 200, kept.text
    assert await _marks(h.world.conn) == 1


async def test_subscribers_run_in_registration_order_and_base_classes_hear_subclasses(
    h: Harness,
) -> None:
    order: list[str] = []

    async def first(session: AsyncSession, event: CaseFact) -> None:
        order.append(f"first {event.name}")

    async def second(session: AsyncSession, event: CaseRegistered) -> None:
        order.append(f"second {event.name}")

    h.bus.subscribe(CaseFact, first)
    h.bus.subscribe(CaseRegistered, second)
    b = await bureau(h.world)
    response = await h.world.client.post(
        "/api/v1/cases", json=case_body(b.campaign_id), headers=h.world.auth(b.office)
    )
    assert response.status_code == 201, response.text
    assert order == ["first case.registered", "second case.registered"]


async def _collect(h: Harness) -> list[CaseFact]:
    facts: list[CaseFact] = []

    async def collect(session: AsyncSession, event: CaseFact) -> None:
        facts.append(event)

    h.bus.subscribe(CaseFact, collect)
    return facts


async def test_casework_publishes_along_a_case(h: Harness) -> None:
    facts = await _collect(h)
    s = await resolving_scene(h.world)
    await s.approved_plan()
    await record(s, s.officer, visit(s.officer))
    resolved = await s.act(s.office, "resolve", outcome_kind="educated")
    assert resolved.status_code == 200, resolved.text
    reopened = await s.act(s.office, "reopen")
    assert reopened.status_code == 200, reopened.text

    assert [f.name for f in facts] == [
        "assignment.set",
        "plan.saved",
        "plan.submitted",
        "plan.approved",
        "check_in.recorded",
        "case.status_changed",
        "case.reopened",
    ]
    assert {f.case_id for f in facts} == {s.case_id}
    assert {f.actor_id for f in facts} == {s.office.id, s.officer.id, s.leader.id}
    resolve, reopen = facts[-2:]
    assert isinstance(resolve, CaseStatusChanged) and isinstance(reopen, CaseReopened)
    assert (resolve.from_status, resolve.to_status) == ("resolving", "resolved")
    assert (reopen.from_status, reopen.to_status, reopen.reopen_count) == (
        "resolved",
        "resolving",
        1,
    )


async def test_hearings_publish_booking_moves_and_outcomes(h: Harness) -> None:
    facts = await _collect(h)
    hs = await hearing_scene(h.world)
    hearing = await hs.created()
    url = f"/{hearing['id']}"
    body = {"reason": "主持人临时出差", "new_starts_at": iso(in_days(15, 14))}
    assert (await hs.post(hs.s.office, url + "/postpone", body)).status_code == 200
    assert (await hs.post(hs.s.office, url + "/reschedule", {})).status_code == 200
    assert (await hs.post(hs.s.office, url + "/cancel", {"reason": "已和解"})).status_code == 200

    hearing_facts = [f for f in facts if isinstance(f, HearingFact)]
    assert [f.name for f in hearing_facts] == [
        "hearing.scheduled",
        "hearing.postponed",
        "hearing.rescheduled",
        "hearing.cancelled",
    ]
    assert {str(f.hearing_id) for f in hearing_facts} == {hearing["id"]}
    assert hearing_facts[2].starts_at == in_days(15, 14)


async def test_relief_publishes_every_step_it_reaches(h: Harness) -> None:
    facts = await _collect(h)
    r = await relief_scene(h.world)
    app = await r.create()
    await r.to_reviewed(app["id"])

    moves = [(f.from_step, f.to_step) for f in facts if isinstance(f, ReliefStepMoved)]
    assert moves == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "unit_opinion"),
        ("unit_opinion", "reviewed"),
    ]
