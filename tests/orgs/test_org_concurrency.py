"""Concurrent writes to the org tree: API replicas share one database, so two requests racing on
the same units must end as one success and one clean 4xx — never a 500, never a broken tree."""

from __future__ import annotations

import asyncio

import httpx

from tests.factories import World
from tests.platform.problem_json import assert_problem

URL = "/api/v1/org-units"


def _if_match(headers: dict[str, str], version: int = 1) -> dict[str, str]:
    return {**headers, "If-Match": f'"{version}"'}


async def _tree_is_consistent(world: World) -> None:
    """Every unit's path is its parent's path plus its own id."""
    rows = await world.conn.fetch("SELECT id, parent_id, path FROM org_unit")
    paths = {r["id"]: r["path"] for r in rows}
    for row in rows:
        parent = paths.get(row["parent_id"], "/") if row["parent_id"] else "/"
        assert row["path"] == f"{parent}{row['id']}/", dict(row)


async def test_opposite_moves_one_wins_one_is_refused(world: World) -> None:
    county, a, b = await world.county()
    top = await world.user(county, "admin")
    headers = _if_match(world.auth(top))
    for attempt in range(4):
        x = await world.unit(f"甲{attempt}", a)
        y = await world.unit(f"乙{attempt}", b)
        first, second = await asyncio.gather(
            world.client.patch(f"{URL}/{x.id}", headers=headers, json={"parent_id": str(y.id)}),
            world.client.patch(f"{URL}/{y.id}", headers=headers, json={"parent_id": str(x.id)}),
        )
        statuses = sorted((first.status_code, second.status_code))
        assert statuses == [200, 409], (first.text, second.text)
        loser = first if first.status_code == 409 else second
        assert_problem(loser, 409, "org_unit_cycle")
        await _tree_is_consistent(world)


async def test_create_under_a_unit_while_it_moves(world: World) -> None:
    county, a, b = await world.county()
    top = await world.user(county, "admin")
    for attempt in range(4):
        x = await world.unit(f"甲{attempt}", a)
        create = {"parent_id": str(x.id), "name": "新科", "kind": "section", "code": f"N{attempt}"}
        moved, created = await asyncio.gather(
            world.client.patch(
                f"{URL}/{x.id}", headers=_if_match(world.auth(top)), json={"parent_id": str(b.id)}
            ),
            world.client.post(URL, headers=world.auth(top), json=create),
        )
        assert (moved.status_code, created.status_code) == (200, 201), (moved.text, created.text)
        await _tree_is_consistent(world)


async def test_delete_a_unit_while_a_child_or_user_is_added(world: World) -> None:
    _, bureau, _ = await world.county()
    admin = await world.user(bureau, "admin")
    for attempt in range(4):
        unit = await world.unit(f"待删{attempt}", bureau)
        child = {"parent_id": str(unit.id), "name": "子", "kind": "section", "code": f"D{attempt}"}
        user = {
            "org_unit_id": str(unit.id),
            "username": f"late.user{attempt}",
            "display_name": "迟到",
            "password": "a-long-enough-password",
        }
        add: httpx.Response
        deleted, add = await asyncio.gather(
            world.client.delete(f"{URL}/{unit.id}", headers=_if_match(world.auth(admin))),
            (
                world.client.post(URL, headers=world.auth(admin), json=child)
                if attempt % 2
                else world.client.post("/api/v1/users", headers=world.auth(admin), json=user)
            ),
        )
        # Either the delete went first (the add finds no unit) or the add did (the unit is
        # no longer empty); both sides answer cleanly.
        assert (deleted.status_code, add.status_code) in {(204, 404), (409, 201)}, (
            deleted.text,
            add.text,
        )
        exists = await world.conn.fetchval("SELECT count(*) FROM org_unit WHERE id = $1", unit.id)
        assert exists == (0 if deleted.status_code == 204 else 1)
        await _tree_is_consistent(world)


async def test_same_username_twice_at_once(world: World) -> None:
    _, bureau, _ = await world.county()
    admin = await world.user(bureau, "admin")
    for attempt in range(4):
        body = {
            "org_unit_id": str(bureau.id),
            "username": f"twin{attempt}",
            "display_name": "双胞胎",
            "password": "a-long-enough-password",
        }
        responses = await asyncio.gather(
            world.client.post("/api/v1/users", headers=world.auth(admin), json=body),
            world.client.post(
                "/api/v1/users",
                headers=world.auth(admin),
                json={**body, "username": body["username"].upper()},
            ),
        )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409)
        assert_problem(loser, 409)
        count = await world.conn.fetchval(
            "SELECT count(*) FROM app_user WHERE lower(username) = $1", f"twin{attempt}"
        )
        assert count == 1
