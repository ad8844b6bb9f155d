"""Bad input is a 422 with a pointer and changes nothing; drafts change only with If-Match."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.relief.conftest import MoveClock
from tests.relief.support import APPS, beijing, relief_scene

BAD_AMOUNTS: list[Any] = [0, "0.00", -1, "-1", "NaN", "Infinity", "1e309", "12.345", "abc", 10**12]


async def _count(world: World, table: str) -> int:
    return int(await world.conn.fetchval(f"SELECT count(*) FROM {table}"))


@pytest.mark.parametrize("amount", BAD_AMOUNTS, ids=repr)
async def test_bad_amounts_are_422_at_the_field(world: World, amount: Any) -> None:
    r = await relief_scene(world)
    events = await _count(world, "audit_event")
    response = await r.post(r.s.officer, "", r.body(amount_requested=amount))
    body = assert_problem(response, 422, "validation_failed")
    assert pointers(body) == ["#/amount_requested"], body
    assert await _count(world, "relief_application") == 0
    assert await _count(world, "audit_event") == events


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e309"])
async def test_non_finite_json_numbers_are_422(world: World, literal: str) -> None:
    """Python's JSON parser reads NaN and 1e309 (as inf) as numbers: they must not pass."""
    r = await relief_scene(world)
    raw = json.dumps(r.body(amount_requested="__")).replace('"__"', literal)
    response = await world.client.post(
        APPS,
        content=raw.encode(),
        headers={**world.auth(r.s.officer), "Content-Type": "application/json"},
    )
    assert pointers(assert_problem(response, 422)) == ["#/amount_requested"]
    assert await _count(world, "relief_application") == 0


@pytest.mark.parametrize(
    ("given", "shown"),
    [("12345.6", "12345.60"), (12.5, "12.50"), ("0.01", "0.01"), ("10000000", "10000000.00")],
)
async def test_money_is_a_two_place_string(world: World, given: Any, shown: str) -> None:
    r = await relief_scene(world)
    app = await r.create(amount_requested=given)
    assert app["amount_requested"] == shown
    stored = await world.conn.fetchval(
        "SELECT amount_requested::text FROM relief_application WHERE id = $1::uuid", app["id"]
    )
    assert stored == shown
    event = await world.conn.fetchval(
        "SELECT after::text FROM audit_event WHERE action = 'relief.create'"
    )
    assert json.loads(event)["amount_requested"] == shown


async def test_bad_fields_point_at_themselves(world: World) -> None:
    r = await relief_scene(world)
    body = r.body(kind="lottery", hardship_facts="", province_code="5", bogus=1)
    response = await r.post(r.s.officer, "", body)
    assert sorted(pointers(assert_problem(response, 422))) == [
        "#/bogus",
        "#/hardship_facts",
        "#/kind",
        "#/province_code",
    ]


async def test_applicant_must_be_a_petitioner_of_the_case(world: World) -> None:
    r = await relief_scene(world)
    elsewhere = await r.case()
    stranger = await r.petitioner(r.s.office, elsewhere)
    response = await r.post(r.s.officer, "", r.body(applicant_petitioner_id=str(stranger)))
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"] == [
        {
            "pointer": "#/applicant_petitioner_id",
            "detail": "申请人须为本案信访人",
            "code": "not_case_petitioner",
        }
    ]
    assert await _count(world, "relief_application") == 0


async def test_create_is_idempotent_with_a_key(world: World) -> None:
    r = await relief_scene(world)
    headers = {**world.auth(r.s.officer), "Idempotency-Key": "relief-create-0001"}
    first = await world.client.post(APPS, json=r.body(), headers=headers)
    again = await world.client.post(APPS, json=r.body(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["id"] == again.json()["id"]
    assert first.headers["location"] == f"{APPS}/{first.json()['id']}"
    assert await _count(world, "relief_application") == 1


async def test_patch_a_draft_with_if_match(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    app = await r.create()
    url = f"{APPS}/{app['id']}"
    change = {"amount_requested": "15000.5", "kind": "medical", "earlier_compensation": None}
    auth = world.auth(r.s.officer)
    assert_problem(await world.client.patch(url, json=change, headers=auth), 428)
    stale = {**auth, "If-Match": '"7"'}
    assert_problem(await world.client.patch(url, json=change, headers=stale), 412)
    response = await world.client.patch(url, json=change, headers={**auth, "If-Match": '"1"'})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["amount_requested"], body["kind"], body["earlier_compensation"]) == (
        "15000.50",
        "medical",
        None,
    )
    assert response.headers["etag"] == f'"{body["version"]}"' and body["version"] == 2
    event = await world.conn.fetchrow(
        "SELECT before::text AS before, after::text AS after, case_id FROM audit_event "
        "WHERE action = 'relief.update'"
    )
    assert event["case_id"] == r.s.case_id
    assert json.loads(event["before"])["amount_requested"] == "20000.00"
    assert json.loads(event["after"])["amount_requested"] == "15000.50"

    # Saving what is already there writes nothing: no new version, no event.
    response = await world.client.patch(url, json=change, headers={**auth, "If-Match": '"2"'})
    assert (response.status_code, response.json()["version"]) == (200, 2)
    assert await _count(world, "audit_event WHERE action = 'relief.update'") == 1

    for bad in ({"kind": None}, {"amount_requested": "0"}, {"case_id": str(r.s.case_id)}):
        headers = {**auth, "If-Match": '"2"'}
        assert_problem(await world.client.patch(url, json=bad, headers=headers), 422)

    await r.ok(r.s.officer, app["id"], "submit")
    headers = {**auth, "If-Match": "*"}
    response = await world.client.patch(url, json={"kind": "other"}, headers=headers)
    assert_problem(response, 409, "relief_not_draft")
