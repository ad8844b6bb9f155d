"""GET /api/v1/audit-events: newest first, keyset pages, filters, and each reader's subtree."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from tests.audit.helpers import create_user, list_all, top_admin
from tests.factories import TestUser as AppUser
from tests.factories import Unit, World


@dataclass
class Tree:
    province: Unit
    county: Unit
    a: Unit
    b: Unit
    admin: AppUser
    a_users: list[str]
    b_users: list[str]


async def _tree(world: World) -> Tree:
    """Province › county › bureaus A and B; accounts made through the API, and sign-ins."""
    province, admin = await top_admin(world)
    county = await world.unit("清溪县", province, kind="county")
    a = await world.unit("甲司法局", county)
    b = await world.unit("乙司法局", county)
    ids: dict[str, list[str]] = {"a": [], "b": []}
    for unit, key in ((a, "a"), (b, "b")):
        for n in range(2):
            name = f"{key}staff{n}"
            response = await create_user(world, admin, unit, name, "officer")
            assert response.status_code == 201, response.text
            ids[key].append(response.json()["id"])
            assert (await world.login(name)).status_code == 200
    # A failed sign-in with an unknown name belongs to no unit.
    assert (await world.login("ghost", "not-the-password")).status_code == 401
    return Tree(province, county, a, b, admin, ids["a"], ids["b"])


async def _db_ids(world: World, where: str = "TRUE", *args: object) -> list[int]:
    rows = await world.conn.fetch(f"SELECT id FROM audit_event WHERE {where} ORDER BY id", *args)
    return [r["id"] for r in rows]


async def test_newest_first_and_limit_two_pages_visit_every_event_once(world: World) -> None:
    tree = await _tree(world)
    first = await world.client.get(
        "/api/v1/audit-events", params={"limit": 2}, headers=world.auth(tree.admin)
    )
    assert first.status_code == 200, first.text
    assert len(first.json()["items"]) == 2
    assert first.json()["next_cursor"]

    items = await list_all(world, tree.admin, limit=2)
    ids = [item["id"] for item in items]
    assert ids == sorted(ids, reverse=True)
    assert len(ids) == len(set(ids))
    # The top unit's administrator sees everything, the unscoped failed sign-in included.
    assert sorted(ids) == await _db_ids(world)
    assert "auth.login_failed" in {item["action"] for item in items}
    assert all(len(item["hash"]) == 64 for item in items)
    assert all(datetime.fromisoformat(i["occurred_at"]).utcoffset() is not None for i in items)


@pytest.mark.parametrize("role", ["leader", "observer", "admin"])
async def test_a_reader_of_bureau_a_sees_a_only(world: World, role: str) -> None:
    tree = await _tree(world)
    reader = await world.user(tree.a, role)
    items = await list_all(world, reader, limit=3)
    ids = sorted(item["id"] for item in items)
    assert ids, "bureau A has events"
    assert ids == await _db_ids(world, "org_path LIKE $1", tree.a.path + "%")
    seen_users = {item["entity_id"] for item in items} | {item["actor_id"] for item in items}
    assert seen_users & set(tree.a_users)
    assert not seen_users & set(tree.b_users)


async def test_a_county_observer_sees_both_bureaus_but_not_unscoped_events(world: World) -> None:
    tree = await _tree(world)
    observer = await world.user(tree.county, "observer")
    items = await list_all(world, observer)
    entity_ids = {item["entity_id"] for item in items}
    assert set(tree.a_users) <= entity_ids
    assert set(tree.b_users) <= entity_ids
    assert "auth.login_failed" not in {item["action"] for item in items}
    # Not even a leader at the top sees events that belong to no unit; only administrators do.
    top_leader = await world.user(tree.province, "leader")
    actions = {item["action"] for item in await list_all(world, top_leader)}
    assert "auth.login_failed" not in actions
    assert "user.create" in actions


@pytest.mark.parametrize("role", ["officer", "office"])
async def test_roles_without_audit_read_get_403(world: World, role: str) -> None:
    province, _ = await top_admin(world)
    user = await world.user(province, role)
    response = await world.client.get("/api/v1/audit-events", headers=world.auth(user))
    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await world.client.get("/api/v1/audit-events")).status_code == 401


async def test_filters(world: World) -> None:
    tree = await _tree(world)
    admin = tree.admin
    everything = await list_all(world, admin)

    logins = await list_all(world, admin, action="auth.login")
    assert len(logins) == 4
    assert {item["action"] for item in logins} == {"auth.login"}

    users = await list_all(world, admin, entity_type="user")
    assert len(users) == len(everything)
    assert await list_all(world, admin, entity_type="org_unit") == []

    target = tree.b_users[0]
    about = await list_all(world, admin, entity_id=target)
    assert [item["action"] for item in about] == ["auth.login", "user.create"]
    assert {item["entity_id"] for item in about} == {target}

    by_admin = await list_all(world, admin, actor_id=str(admin.id))
    assert [item["action"] for item in by_admin] == ["user.create"] * 4
    assert await list_all(world, admin, actor_id=str(admin.unit.id)) == []

    combined = await list_all(world, admin, action="auth.login", entity_id=target)
    assert len(combined) == 1


async def test_time_window_is_from_inclusive_to_exclusive(world: World) -> None:
    tree = await _tree(world)
    oldest_first = list(reversed(await list_all(world, tree.admin)))
    assert len(oldest_first) >= 4
    start, end = oldest_first[1]["occurred_at"], oldest_first[3]["occurred_at"]
    window = await list_all(world, tree.admin, occurred_from=start, occurred_to=end)
    assert [i["id"] for i in window] == [oldest_first[2]["id"], oldest_first[1]["id"]]

    # The same instant written in Beijing time selects the same events.
    beijing = datetime.fromisoformat(start).astimezone(timezone(timedelta(hours=8)))
    assert beijing.isoformat().endswith("+08:00")
    same = await list_all(world, tree.admin, occurred_from=beijing.isoformat(), occurred_to=end)
    assert same == window
    later = datetime.fromisoformat(oldest_first[-1]["occurred_at"]) + timedelta(seconds=1)
    assert await list_all(world, tree.admin, occurred_from=later.isoformat()) == []


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not a cursor!"},
        {"cursor": base64.urlsafe_b64encode(b"[1,2]").decode()},
        {"cursor": base64.urlsafe_b64encode(json.dumps(["7"]).encode()).decode()},
        {"cursor": base64.urlsafe_b64encode(b"[true]").decode()},
        {"cursor": base64.urlsafe_b64encode(b"[0]").decode()},
        {"cursor": base64.urlsafe_b64encode(json.dumps([2**70]).encode()).decode()},
        {"limit": "0"},
        {"limit": "201"},
        {"occurred_from": "2026-11-01T08:00:00"},  # no offset: ambiguous
        {"actor_id": "not-a-uuid"},
        {"action": "drop table;"},
    ],
)
async def test_bad_query_parameters_are_422(world: World, params: dict[str, str]) -> None:
    _, admin = await top_admin(world)
    response = await world.client.get(
        "/api/v1/audit-events", params=params, headers=world.auth(admin)
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
