"""Petitioners: PII encrypted at rest, masked on the way out, revealed only with a reason."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import httpx
import pytest

from tests.cases.support import (
    ID_1234,
    PETITIONERS,
    PHONE,
    Bureau,
    assign,
    bureau,
    case_body,
    create_case,
    id_number,
)
from tests.factories import TestUser as Account
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers


async def _create(world: World, user: Account, **fields: Any) -> dict[str, Any]:
    body = {"name": "王某某", "id_number": ID_1234, "phone": PHONE, **fields}
    response = await world.client.post(PETITIONERS, json=body, headers=world.auth(user))
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


async def _reveal(
    world: World, user: Account, petitioner_id: str, reason: str | None = "核实身份以便回访"
) -> httpx.Response:
    body = {} if reason is None else {"reason": reason}
    return await world.client.post(
        f"{PETITIONERS}/{petitioner_id}/reveal", json=body, headers=world.auth(user)
    )


async def test_create_masks_id_number_and_phone(world: World) -> None:
    b = await bureau(world)
    response = await world.client.post(
        PETITIONERS,
        json={"name": "王某某", "id_number": ID_1234, "phone": PHONE, "address": "清溪县城关镇"},
        headers=world.auth(b.office),
    )
    assert response.status_code == 201, response.text
    person = response.json()
    assert person["id_number"] == "510***********1234"
    assert person["phone"] == "138****5678"
    assert person["gender"] == "male"
    assert person["org_unit_id"] == str(b.a.id)
    assert response.headers["etag"] == '"1"'
    assert ID_1234 not in response.text and PHONE not in response.text

    fetched = await world.client.get(f"{PETITIONERS}/{person['id']}", headers=world.auth(b.office))
    assert fetched.status_code == 200
    assert fetched.json() == person


async def test_the_database_holds_no_plaintext_id_number_or_phone(world: World) -> None:
    b = await bureau(world)
    person = await _create(world, b.office)
    body = case_body(b.campaign_id, petitioners=[{"name": "李某", "id_number": id_number(7)}])
    await create_case(world, b.office, body, **{"Idempotency-Key": "case-key-0001"})
    await _reveal(world, b.office, person["id"])
    rows = await world.conn.fetch("SELECT row_to_json(p)::text AS t FROM petitioner p")
    assert len(rows) == 2
    audit = await world.conn.fetch("SELECT row_to_json(e)::text AS t FROM audit_event e")
    stored = await world.conn.fetch("SELECT row_to_json(r)::text AS t FROM idempotency_record r")
    assert audit and stored
    everything = " ".join(r["t"] for r in [*rows, *audit, *stored])
    for secret in (ID_1234, PHONE, id_number(7)):
        assert secret not in everything
    assert "510***********1234" in everything  # the masked form is what is kept in clear
    enc = await world.conn.fetchval("SELECT id_number_enc FROM petitioner WHERE name = '王某某'")
    assert enc and ID_1234.encode() not in enc


async def test_search_by_id_number_goes_in_the_body(world: World) -> None:
    b = await bureau(world)
    person = await _create(world, b.office)
    await _create(world, b.office, name="李某", id_number=id_number(3), phone=None)
    response = await world.client.post(
        f"{PETITIONERS}/search", json={"id_number": ID_1234}, headers=world.auth(b.office)
    )
    assert response.status_code == 200, response.text
    assert [p["id"] for p in response.json()] == [person["id"]]
    lower_x = await world.client.post(
        f"{PETITIONERS}/search", json={"id_number": id_number(99)}, headers=world.auth(b.office)
    )
    assert lower_x.json() == []
    # Another bureau cannot find it.
    response = await world.client.post(
        f"{PETITIONERS}/search", json={"id_number": ID_1234}, headers=world.auth(b.office_b)
    )
    assert response.json() == []
    bad = await world.client.post(
        f"{PETITIONERS}/search",
        json={"id_number": ID_1234[:-1] + "5"},
        headers=world.auth(b.office),
    )
    assert pointers(assert_problem(bad, 422, "validation_failed")) == ["#/id_number"]
    # There is no URL form of the search.
    response = await world.client.get(
        PETITIONERS, params={"id_number": ID_1234}, headers=world.auth(b.office)
    )
    assert len(response.json()["items"]) == 2  # an unknown parameter filters nothing


async def test_reveal_needs_a_reason_and_is_audited(world: World) -> None:
    b = await bureau(world)
    person = await _create(world, b.office)
    assert_problem(await _reveal(world, b.office, person["id"], None), 422, "validation_failed")
    assert_problem(await _reveal(world, b.office, person["id"], "x"), 422, "validation_failed")
    assert (
        await world.conn.fetchval("SELECT count(*) FROM audit_event WHERE action = 'pii.reveal'")
        == 0
    )

    response = await _reveal(world, b.office, person["id"], "核实身份以便回访")
    assert response.status_code == 200, response.text
    assert response.json() == {"id": person["id"], "id_number": ID_1234, "phone": PHONE}
    assert response.headers["cache-control"] == "no-store"
    event = await world.conn.fetchrow(
        "SELECT actor_id, entity_id, reason, after::text AS after FROM audit_event "
        "WHERE action = 'pii.reveal'"
    )
    assert event["actor_id"] == b.office.id
    assert event["entity_id"] == person["id"]
    assert event["reason"] == "核实身份以便回访"
    assert json.loads(event["after"]) == {"fields": ["id_number", "phone"]}

    leader = await _reveal(world, b.leader, person["id"])
    assert leader.status_code == 200
    county_office = await world.user(b.county, "office")
    assert (await _reveal(world, county_office, person["id"])).status_code == 200


async def test_who_may_reveal(world: World) -> None:
    b = await bureau(world)
    person = await _create(world, b.office)
    assert_problem(await _reveal(world, b.observer, person["id"]), 403, "forbidden")
    assert_problem(await _reveal(world, b.officer, person["id"]), 404, "petitioner_not_found")
    assert_problem(await _reveal(world, b.office_b, person["id"]), 404, "petitioner_not_found")
    response = await world.client.get(
        f"{PETITIONERS}/{person['id']}", headers=world.auth(b.officer)
    )
    assert_problem(response, 404, "petitioner_not_found")

    case = await create_case(
        world, b.office, case_body(b.campaign_id, petitioners=[{"petitioner_id": person["id"]}])
    )
    await assign(world.conn, case["id"], user=b.officer)
    response = await _reveal(world, b.officer, person["id"])
    assert response.status_code == 200, response.text
    assert response.json()["id_number"] == ID_1234
    observed = await world.client.get(
        f"{PETITIONERS}/{person['id']}", headers=world.auth(b.observer)
    )
    assert observed.status_code == 200
    assert observed.json()["id_number"] == "510***********1234"


async def test_update_needs_if_match_and_re_masks(world: World) -> None:
    b = await bureau(world)
    person = await _create(world, b.office)
    url = f"{PETITIONERS}/{person['id']}"
    response = await world.client.patch(
        url, json={"phone": "13900001111"}, headers=world.auth(b.office)
    )
    assert_problem(response, 428, "precondition_required")
    headers = {**world.auth(b.office), "If-Match": '"1"'}
    response = await world.client.patch(url, json={"phone": "13900001111"}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["phone"] == "139****1111"
    assert response.json()["id_number"] == "510***********1234"
    stale = await world.client.patch(url, json={"name": "王某"}, headers=headers)
    assert_problem(stale, 412, "precondition_failed")
    revealed = await _reveal(world, b.office, person["id"])
    assert revealed.json()["phone"] == "13900001111"

    headers["If-Match"] = response.headers["etag"]
    cleared = await world.client.patch(url, json={"id_number": None}, headers=headers)
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["id_number"] is None
    assert cleared.json()["gender"] is None  # it was derived from the number
    row = await world.conn.fetchrow("SELECT birth_date, id_number_bidx FROM petitioner")
    assert (row["birth_date"], row["id_number_bidx"]) == (None, None)


async def test_a_foreign_cursor_is_422_not_500(world: World) -> None:
    b = await bureau(world)
    await _create(world, b.office)
    for key in (["not-a-uuid"], [12], [None]):
        cursor = base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")
        response = await world.client.get(
            PETITIONERS, params={"cursor": cursor}, headers=world.auth(b.office)
        )
        assert_problem(response, 422, "validation_failed")


async def test_list_pages_by_cursor(world: World) -> None:
    b = await bureau(world)
    made = [await _create(world, b.office, name=f"人{i}", id_number=id_number(i)) for i in range(3)]
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 2}
    while True:
        response = await world.client.get(PETITIONERS, params=params, headers=world.auth(b.office))
        assert response.status_code == 200, response.text
        seen += [p["id"] for p in response.json()["items"]]
        if response.json()["next_cursor"] is None:
            break
        params["cursor"] = response.json()["next_cursor"]
    assert seen == [p["id"] for p in made]


async def _exercise(world: World, b: Bureau) -> list[httpx.Response]:
    """Create, read, list, patch and search, through petitioners and cases."""
    auth = world.auth(b.office)
    out: list[httpx.Response] = []
    out.append(
        await world.client.post(
            PETITIONERS, json={"name": "王某某", "id_number": ID_1234, "phone": PHONE}, headers=auth
        )
    )
    person = out[-1].json()
    out.append(await world.client.get(f"{PETITIONERS}/{person['id']}", headers=auth))
    out.append(await world.client.get(PETITIONERS, headers=auth))
    out.append(
        await world.client.patch(
            f"{PETITIONERS}/{person['id']}",
            json={"id_number": ID_1234, "address": "城关镇"},
            headers={**auth, "If-Match": '"1"'},
        )
    )
    out.append(
        await world.client.post(f"{PETITIONERS}/search", json={"id_number": ID_1234}, headers=auth)
    )
    body = case_body(b.campaign_id, petitioners=[{"name": "李某", "id_number": id_number(5)}])
    out.append(await world.client.post("/api/v1/cases", json=body, headers=auth))
    case = out[-1].json()
    out.append(await world.client.get(f"/api/v1/cases/{case['id']}", headers=auth))
    out.append(await world.client.get("/api/v1/cases", headers=auth))
    out.append(
        await world.client.patch(
            f"/api/v1/cases/{case['id']}",
            json={"petitioners": [{"petitioner_id": person["id"]}]},
            headers={**auth, "If-Match": '"1"'},
        )
    )
    # Refused requests echo no input either.
    dup = case_body(b.campaign_id, petitioners=[{"name": "王", "id_number": ID_1234}])
    out.append(await world.client.post("/api/v1/cases", json=dup, headers=auth))
    bad = {"name": "王", "id_number": ID_1234[:-1] + "5"}
    out.append(await world.client.post(PETITIONERS, json=bad, headers=auth))
    return out


async def test_no_response_or_log_line_carries_a_full_id_number(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    b = await bureau(world)
    with caplog.at_level(logging.INFO):
        responses = await _exercise(world, b)
    assert [r.status_code for r in responses] == [
        201,
        200,
        200,
        200,
        200,
        201,
        200,
        200,
        200,
        409,
        422,
    ]
    secrets = (ID_1234, PHONE, id_number(5))
    for response in responses:
        for secret in secrets:
            assert secret not in response.text, (response.request.url, response.text)
    assert caplog.records, "nothing was logged: the check would be vacuous"
    for record in caplog.records:
        line = f"{record.getMessage()} {record.__dict__}"
        for secret in secrets:
            assert secret not in line, line
