"""Phones re-send a queued visit until they see an answer: one visit, one row, one answer."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from anjie.audit.repository import _CHAIN_LOCK
from tests.checkins.support import check_in_count, post_visit, resolving_scene, visit
from tests.factories import World
from tests.platform.problem_json import assert_problem


async def test_the_same_key_and_body_three_times_make_one_row(world: World) -> None:
    s = await resolving_scene(world)
    key, body = str(uuid.uuid4()), visit(s.officer)
    responses = [await post_visit(s, s.officer, body, key) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 201, 201], responses[0].text
    first = responses[0].json()
    assert all(r.json() == first for r in responses)
    assert {r.headers["location"] for r in responses} == {f"/api/v1/check-ins/{first['id']}"}
    assert [r.headers.get("idempotent-replayed") for r in responses] == [None, "true", "true"]
    assert await check_in_count(s.conn) == 1
    audits = await s.conn.fetchval(
        "SELECT count(*) FROM audit_event WHERE action = 'check_in.record'"
    )
    assert audits == 1
    # Key order and spacing of the JSON do not make it another request.
    reordered = dict(reversed(list(body.items())))
    again = await post_visit(s, s.officer, reordered, key)
    assert (again.status_code, again.json()) == (201, first)


async def test_the_same_key_with_another_body_is_422(world: World) -> None:
    s = await resolving_scene(world)
    key = str(uuid.uuid4())
    assert (await post_visit(s, s.officer, visit(s.officer), key)).status_code == 201
    changed = visit(s.officer, attitude="dissatisfied")
    response = await post_visit(s, s.officer, changed, key)
    assert_problem(response, 422, "idempotency_key_reused")
    assert await s.conn.fetchval("SELECT attitude FROM check_in") == "satisfied"
    assert await check_in_count(s.conn) == 1


async def test_concurrent_requests_with_one_key_make_one_row(world: World) -> None:
    s = await resolving_scene(world)
    key, body = str(uuid.uuid4()), visit(s.officer)
    responses = await asyncio.gather(*(post_visit(s, s.officer, body, key) for _ in range(4)))
    created = [r for r in responses if r.status_code == 201]
    assert created, [r.text for r in responses]
    assert len({r.json()["id"] for r in created}) == 1
    for response in responses:
        if response.status_code != 201:
            assert_problem(response, 409, "idempotency_in_flight")
    assert await check_in_count(s.conn) == 1


async def _wait_for_a_lock_wait(conn: asyncpg.Connection) -> None:
    for _ in range(200):
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE application_name = 'anjie' AND wait_event_type = 'Lock'"
        )
        if waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the first request never waited")


async def test_a_second_request_while_the_first_is_in_flight_is_409(
    world: World, database_url: str
) -> None:
    """Deterministic: the first request is held inside its transaction (at the audit chain's
    lock) while the second one with its key arrives."""
    s = await resolving_scene(world)
    key, body = str(uuid.uuid4()), visit(s.officer)
    blocker = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        tx = blocker.transaction()
        await tx.start()
        await blocker.execute("SELECT pg_advisory_xact_lock($1)", _CHAIN_LOCK)
        first = asyncio.create_task(post_visit(s, s.officer, body, key))
        await _wait_for_a_lock_wait(s.conn)
        # Without the key's lock this one would queue behind the first: bounded, it fails.
        second = await asyncio.wait_for(post_visit(s, s.officer, body, key), timeout=10)
        assert_problem(second, 409, "idempotency_in_flight")
        await tx.rollback()
        done = await first
    finally:
        await blocker.close()
    assert done.status_code == 201, done.text
    assert await check_in_count(s.conn) == 1
    retry = await post_visit(s, s.officer, body, key)
    assert retry.headers.get("idempotent-replayed") == "true"
    assert retry.json() == done.json()


async def test_a_visit_uploaded_again_after_its_key_expired_is_409(world: World) -> None:
    """The idempotency record is purged after 30 days; the visit's client id is kept forever."""
    s = await resolving_scene(world)
    key, body = str(uuid.uuid4()), visit(s.officer)
    created = (await post_visit(s, s.officer, body, key)).json()
    await s.conn.execute("DELETE FROM idempotency_record")
    response = await post_visit(s, s.officer, body, key)
    problem = assert_problem(response, 409, "check_in_already_recorded")
    assert problem["check_in_id"] == created["id"]
    # Another account syncing the same phone's visit is refused the same way.
    response = await post_visit(s, s.leader, visit(s.officer), key)
    assert_problem(response, 409, "check_in_already_recorded")
    assert await check_in_count(s.conn) == 1
