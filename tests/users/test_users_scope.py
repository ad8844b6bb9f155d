"""Which accounts a caller may see and change: their org subtree; users:read vs :write."""

from __future__ import annotations

import httpx
import pytest

from tests import factories
from tests.factories import World
from tests.platform.problem_json import assert_problem, audit_since, last_audit_id

URL = "/api/v1/users"


async def _snapshot(world: World) -> list[tuple[object, ...]]:
    rows = await world.conn.fetch(
        "SELECT id, org_unit_id, display_name, roles, is_active, version, password_hash "
        "FROM app_user ORDER BY id"
    )
    return [tuple(r) for r in rows]


async def _writes(
    world: World, caller: factories.TestUser, target: factories.TestUser, unit: factories.Unit
) -> list[tuple[str, httpx.Response]]:
    """Every kind of account write, aimed at `target` (or at `unit` for a new account)."""
    headers = {**world.auth(caller), "If-Match": '"1"'}
    url = f"{URL}/{target.id}"
    new = {
        "org_unit_id": str(unit.id),
        "username": "intruder",
        "display_name": "越权",
        "password": "a-long-enough-password",
    }
    client = world.client
    return [
        ("create", await client.post(URL, headers=headers, json=new)),
        ("patch", await client.patch(url, headers=headers, json={"display_name": "改"})),
        ("disable", await client.patch(url, headers=headers, json={"is_active": False})),
        ("roles", await client.put(f"{url}/roles", headers=headers, json={"roles": ["admin"]})),
        (
            "reset",
            await client.post(
                f"{url}/password-reset", headers=headers, json={"new_password": "x" * 20}
            ),
        ),
    ]


async def test_sibling_units_accounts_are_invisible(world: World) -> None:
    _, a, b = await world.county()
    admin_a = await world.user(a, "admin")
    in_b = await world.user(b, "officer")
    section_b = await world.unit("乙局一科", b, kind="section")
    deep_b = await world.user(section_b, "leader")
    before = await _snapshot(world)
    mark = await last_audit_id(world.conn)

    for target in (in_b, deep_b):
        response = await world.client.get(f"{URL}/{target.id}", headers=world.auth(admin_a))
        assert_problem(response, 404, "user_not_found")
    for name, response in await _writes(world, admin_a, in_b, b):
        expected = "org_unit_not_found" if name == "create" else "user_not_found"
        assert_problem(response, 404, expected)
    assert await _snapshot(world) == before
    listed = await world.client.get(URL, headers=world.auth(admin_a))
    assert {u["id"] for u in listed.json()["items"]} == {str(admin_a.id)}
    filtered = await world.client.get(
        URL, headers=world.auth(admin_a), params={"org_unit_id": str(b.id)}
    )
    assert filtered.json()["items"] == []

    # Nor can A's admin move one of A's accounts into B.
    own = await world.user(a, "officer")
    before = await _snapshot(world)
    response = await world.client.patch(
        f"{URL}/{own.id}",
        headers={**world.auth(admin_a), "If-Match": '"1"'},
        json={"org_unit_id": str(b.id)},
    )
    assert_problem(response, 404, "org_unit_not_found")
    assert await _snapshot(world) == before
    assert await audit_since(world.conn, mark) == []


async def test_parent_unit_admin_sees_the_subtree(world: World) -> None:
    county, a, b = await world.county()
    top = await world.user(county, "admin")
    in_a = await world.user(a, "officer")
    in_b = await world.user(b, "officer")
    listed = await world.client.get(URL, headers=world.auth(top))
    assert {u["id"] for u in listed.json()["items"]} == {str(top.id), str(in_a.id), str(in_b.id)}
    # …and may move an account between the bureaus it covers.
    response = await world.client.patch(
        f"{URL}/{in_a.id}",
        headers={**world.auth(top), "If-Match": '"1"'},
        json={"org_unit_id": str(b.id)},
    )
    assert response.status_code == 200, response.text
    assert response.json()["org_unit_id"] == str(b.id)
    admin_b = await world.user(b, "admin")
    got = await world.client.get(f"{URL}/{in_a.id}", headers=world.auth(admin_b))
    assert got.status_code == 200, got.text


@pytest.mark.parametrize("role", ["leader", "observer", "office"])
async def test_readers_may_read_but_not_write(world: World, role: str) -> None:
    _, bureau, _ = await world.county()
    reader = await world.user(bureau, role)
    target = await world.user(bureau, "officer")
    listed = await world.client.get(URL, headers=world.auth(reader))
    assert listed.status_code == 200, listed.text
    assert {u["id"] for u in listed.json()["items"]} == {str(reader.id), str(target.id)}
    got = await world.client.get(f"{URL}/{target.id}", headers=world.auth(reader))
    assert got.status_code == 200 and got.headers["etag"] == '"1"'

    before = await _snapshot(world)
    mark = await last_audit_id(world.conn)
    for name, response in await _writes(world, reader, target, bureau):
        assert response.status_code == 403, (name, response.text)
        assert_problem(response, 403, "forbidden")
    assert await _snapshot(world) == before
    assert await audit_since(world.conn, mark) == []


async def test_officer_cannot_even_read_accounts(world: World) -> None:
    _, bureau, _ = await world.county()
    officer = await world.user(bureau, "officer")
    assert_problem(await world.client.get(URL, headers=world.auth(officer)), 403, "forbidden")
    response = await world.client.get(f"{URL}/{officer.id}", headers=world.auth(officer))
    assert_problem(response, 403, "forbidden")
