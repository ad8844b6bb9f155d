"""Creates under concurrency: numbering and idempotency keys."""

from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any

import asyncpg
import httpx
import pytest

# The audit chain's advisory lock key: every audited write takes it until commit.
from anjie.audit.repository import _CHAIN_LOCK as CHAIN_LOCK
from tests.cases.support import CASES, bureau, case_body, counts, create_case
from tests.factories import TestUser as Account
from tests.factories import World
from tests.platform.problem_json import assert_problem


async def test_twenty_concurrent_creates_get_twenty_consecutive_numbers(world: World) -> None:
    b = await bureau(world)
    bodies = [case_body(b.campaign_id, title=f"并发登记 {i}") for i in range(20)]
    responses = await asyncio.gather(
        *(world.client.post(CASES, json=body, headers=world.auth(b.office)) for body in bodies)
    )
    assert [r.status_code for r in responses] == [201] * 20, [r.text for r in responses]
    numbers = [r.json()["number"] for r in responses]
    assert len(set(numbers)) == 20
    assert all(re.fullmatch(r".+-\d{4}-\d{4}", n) for n in numbers), numbers
    seqs = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert seqs == list(range(1, 21))
    stored = await world.conn.fetchval(
        "SELECT last_seq FROM case_number_counter WHERE org_unit_id = $1", b.a.id
    )
    assert stored == 20


async def test_a_refused_create_gives_its_number_back(world: World) -> None:
    b = await bureau(world)
    await create_case(world, b.office, case_body(b.campaign_id))
    bad = case_body(b.campaign_id, petitioners=[{"petitioner_id": str(uuid.uuid4())}])
    response = await world.client.post(CASES, json=bad, headers=world.auth(b.office))
    assert_problem(response, 404, "petitioner_not_found")
    second = await create_case(world, b.office, case_body(b.campaign_id))
    assert second["number"].endswith("-0002")


async def _post(world: World, user: Account, body: dict[str, Any], key: str) -> httpx.Response:
    headers = {**world.auth(user), "Idempotency-Key": key}
    return await world.client.post(CASES, json=body, headers=headers)


async def test_the_same_key_and_body_replays_the_first_answer(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id)
    key = str(uuid.uuid4())
    first = await _post(world, b.office, body, key)
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    for _ in range(2):
        again = await _post(world, b.office, body, key)
        assert again.status_code == 201, again.text
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json() == first.json()
        assert again.headers["etag"] == first.headers["etag"]
        assert again.headers["location"] == first.headers["location"]
    assert (await counts(world.conn)).cases == 1
    assert (await counts(world.conn)).petitioners == 1

    reordered = dict(reversed(list(body.items())))
    replay = await _post(world, b.office, reordered, key)
    assert replay.headers.get("idempotent-replayed") == "true"

    changed = {**body, "title": "另一个案由"}
    response = await _post(world, b.office, changed, key)
    assert_problem(response, 422, "idempotency_key_reused")
    assert (await counts(world.conn)).cases == 1

    # Keys belong to their caller: another user's identical key is a new request.
    other = await _post(world, b.leader, case_body(b.campaign_id), key)
    assert other.status_code == 201, other.text
    assert "idempotent-replayed" not in other.headers
    assert (await counts(world.conn)).cases == 2


async def test_two_concurrent_requests_with_one_key_make_one_case(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id)
    key = str(uuid.uuid4())
    responses = await asyncio.gather(*(_post(world, b.office, body, key) for _ in range(2)))
    statuses = sorted(r.status_code for r in responses)
    assert statuses in ([201, 201], [201, 409]), [r.text for r in responses]
    if statuses == [201, 201]:
        assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) == 1
    else:
        conflict = next(r for r in responses if r.status_code == 409)
        assert_problem(conflict, 409, "idempotency_in_flight")
        assert conflict.headers["retry-after"] == "1"
    assert (await counts(world.conn)).cases == 1
    # Once the first has committed, a retry is a replay.
    retry = await _post(world, b.office, body, key)
    assert retry.headers.get("idempotent-replayed") == "true"


async def test_a_refused_create_does_not_burn_its_key(world: World) -> None:
    b = await bureau(world)
    key = str(uuid.uuid4())
    bad = case_body(b.campaign_id, petition_count=0)
    response = await _post(world, b.office, bad, key)
    assert_problem(response, 422, "validation_failed")
    good = await _post(world, b.office, case_body(b.campaign_id), key)
    assert good.status_code == 201, good.text
    assert "idempotent-replayed" not in good.headers


async def _wait_until_the_app_waits_for_a_lock(conn: asyncpg.Connection) -> None:
    for _ in range(200):
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE application_name = 'anjie' AND wait_event_type = 'Lock'"
        )
        if waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the create never waited for the row lock")


@pytest.mark.parametrize("locked", ["campaign", "petitioner"])
async def test_a_create_does_not_deadlock_with_an_edit_of_what_it_references(
    world: World, locked: str
) -> None:
    """An edit of the campaign (or a petitioner) locks its row, then the audit chain. A create
    that references the row must take its hold on it before it takes the audit chain, or the
    two wait for each other."""
    b = await bureau(world)
    known = await create_case(world, b.office, case_body(b.campaign_id))
    body = case_body(b.campaign_id)  # with a new petitioner: audited before the case row
    body["petitioners"].append({"petitioner_id": known["petitioners"][0]["id"]})
    row_id = b.campaign_id if locked == "campaign" else uuid.UUID(known["petitioners"][0]["id"])
    transaction = world.conn.transaction()
    await transaction.start()
    try:
        await world.conn.execute(f"SELECT 1 FROM {locked} WHERE id = $1 FOR UPDATE", row_id)
        task = asyncio.create_task(
            world.client.post(CASES, json=body, headers=world.auth(b.office))
        )
        await _wait_until_the_app_waits_for_a_lock(world.conn)
        # What the edit does next: append to the audit chain.
        await world.conn.execute("SELECT pg_advisory_xact_lock($1)", CHAIN_LOCK)
    finally:
        await transaction.commit()
    response = await task
    assert response.status_code == 201, response.text
