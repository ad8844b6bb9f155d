"""Org units over HTTP: CRUD with ETags, moving subtrees, keyset lists, and subtree scoping."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests import factories
from tests.factories import World
from tests.platform.problem_json import assert_one_audit, assert_problem, last_audit_id

URL = "/api/v1/org-units"


async def _create(
    world: World, admin: factories.TestUser, parent: uuid.UUID, name: str, **extra: Any
) -> dict[str, Any]:
    body = {
        "parent_id": str(parent),
        "name": name,
        "kind": "section",
        "code": f"C{uuid.uuid4().hex[:8]}",
    }
    response = await world.client.post(URL, headers=world.auth(admin), json={**body, **extra})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _patch(
    world: World, admin: factories.TestUser, unit_id: object, version: int, body: dict[str, Any]
) -> httpx.Response:
    headers = {**world.auth(admin), "If-Match": f'"{version}"'}
    return await world.client.patch(f"{URL}/{unit_id}", headers=headers, json=body)


async def _delete(
    world: World, admin: factories.TestUser, unit_id: object, version: int
) -> httpx.Response:
    headers = {**world.auth(admin), "If-Match": f'"{version}"'}
    return await world.client.delete(f"{URL}/{unit_id}", headers=headers)


async def test_create_get_update_with_etags(world: World) -> None:
    _, bureau, _ = await world.county()
    admin = await world.user(bureau, "admin")
    mark = await last_audit_id(world.conn)
    body = {
        "parent_id": str(bureau.id),
        "name": "法律援助中心",
        "short_name": "法援",
        "kind": "office",
        "code": "QX-LA",
        "region_code": "510100",
    }
    response = await world.client.post(URL, headers=world.auth(admin), json=body)
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    unit = response.json()
    assert {k: unit[k] for k in body} == body
    assert unit["version"] == 1 and unit["is_active"] is True
    assert unit["depth"] == 3  # county › bureau › this
    await assert_one_audit(world.conn, mark, "org_unit.create", unit["id"])

    url = f"{URL}/{unit['id']}"
    got = await world.client.get(url, headers=world.auth(admin))
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    assert got.json() == unit

    change = {"name": "法律援助中心（新）", "short_name": None}
    assert_problem(
        await world.client.patch(url, headers=world.auth(admin), json=change),
        428,
        "precondition_required",
    )
    assert_problem(await _patch(world, admin, unit["id"], 2, change), 412, "precondition_failed")
    mark = await last_audit_id(world.conn)
    response = await _patch(world, admin, unit["id"], 1, change)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    updated = response.json()
    assert updated["version"] == 2
    assert updated["name"] == "法律援助中心（新）"
    assert updated["short_name"] is None  # null clears an optional field
    assert updated["code"] == "QX-LA" and updated["region_code"] == "510100"
    event = await assert_one_audit(world.conn, mark, "org_unit.update", unit["id"])
    assert "法律援助中心（新）" in event["after"] and "法援" in event["before"]
    # The old version is now stale.
    assert_problem(await _patch(world, admin, unit["id"], 1, {"name": "x"}), 412)
    got = await world.client.get(url, headers=world.auth(admin))
    assert got.headers["etag"] == '"2"' and got.json()["name"] == "法律援助中心（新）"


async def test_move_carries_the_subtree(world: World) -> None:
    county, a, b = await world.county()
    top = await world.user(county, "admin")
    admin_a = await world.user(a, "admin")
    admin_b = await world.user(b, "admin")
    child = await _create(world, top, a.id, "甲局一科")
    grandchild = await _create(world, top, uuid.UUID(child["id"]), "甲局一科一组")
    gc_unit = factories.Unit(uuid.UUID(grandchild["id"]), "", grandchild["name"])
    member = await world.user(gc_unit, "officer")

    async def listed(admin: factories.TestUser) -> set[str]:
        response = await world.client.get("/api/v1/users?limit=200", headers=world.auth(admin))
        assert response.status_code == 200, response.text
        return {u["id"] for u in response.json()["items"]}

    assert str(member.id) in await listed(admin_a)
    assert str(member.id) not in await listed(admin_b)

    mark = await last_audit_id(world.conn)
    response = await _patch(world, top, child["id"], 1, {"parent_id": str(b.id)})
    assert response.status_code == 200, response.text
    assert response.json()["parent_id"] == str(b.id)
    event = await assert_one_audit(world.conn, mark, "org_unit.update", child["id"])
    assert str(a.id) in event["before"] and str(b.id) in event["after"]
    paths = dict(await world.conn.fetch("SELECT id, path FROM org_unit"))
    assert paths[uuid.UUID(grandchild["id"])] == f"{b.path}{child['id']}/{grandchild['id']}/"
    assert paths[uuid.UUID(child["id"])] == f"{b.path}{child['id']}/"

    # The member followed their unit: now in B's subtree, gone from A's.
    assert str(member.id) in await listed(admin_b)
    assert str(member.id) not in await listed(admin_a)
    for admin, status in ((admin_b, 200), (admin_a, 404)):
        response = await world.client.get(f"{URL}/{grandchild['id']}", headers=world.auth(admin))
        assert response.status_code == status, response.text
    # The moved member's own session now sees the new place.
    me = await world.client.get("/api/v1/org-units", headers=world.auth(member))
    assert [u["id"] for u in me.json()["items"]] == [grandchild["id"]]


async def test_move_under_own_descendant_is_409(world: World) -> None:
    county, a, _ = await world.county()
    top = await world.user(county, "admin")
    child = await _create(world, top, a.id, "一科")
    grandchild = await _create(world, top, uuid.UUID(child["id"]), "一组")
    for new_parent in (grandchild["id"], child["id"]):
        response = await _patch(world, top, child["id"], 1, {"parent_id": new_parent})
        assert_problem(response, 409, "org_unit_cycle")
    # A unit above it in the tree is also its descendant's ancestor: moving A under the
    # grandchild is a cycle too.
    response = await _patch(world, top, a.id, 1, {"parent_id": grandchild["id"]})
    assert_problem(response, 409, "org_unit_cycle")
    path = await world.conn.fetchval("SELECT path FROM org_unit WHERE id = $1", a.id)
    assert path == a.path


async def test_delete(world: World) -> None:
    _, bureau, _ = await world.county()
    admin = await world.user(bureau, "admin")
    parent = await _create(world, admin, bureau.id, "一科")
    child = await _create(world, admin, uuid.UUID(parent["id"]), "一组")
    staffed = await _create(world, admin, bureau.id, "二科")
    await world.user(factories.Unit(uuid.UUID(staffed["id"]), "", ""), "officer")

    response = await world.client.delete(f"{URL}/{child['id']}", headers=world.auth(admin))
    assert_problem(response, 428, "precondition_required")
    assert_problem(await _delete(world, admin, child["id"], 9), 412)
    assert_problem(await _delete(world, admin, parent["id"], 1), 409, "org_unit_not_empty")
    assert_problem(await _delete(world, admin, staffed["id"], 1), 409, "org_unit_not_empty")

    mark = await last_audit_id(world.conn)
    response = await _delete(world, admin, child["id"], 1)
    assert response.status_code == 204, response.text
    assert response.content == b""
    await assert_one_audit(world.conn, mark, "org_unit.delete", child["id"])
    gone = await world.client.get(f"{URL}/{child['id']}", headers=world.auth(admin))
    assert_problem(gone, 404, "org_unit_not_found")
    # Now empty, the parent can go too.
    assert (await _delete(world, admin, parent["id"], 1)).status_code == 204


async def test_list_is_keyset_paginated_and_filtered(world: World) -> None:
    county, a, b = await world.county()
    top = await world.user(county, "admin")
    names = ["甲局司法所", "甲局办公室", "乙局司法所", "乙局法援中心"]
    for name in names:
        await _create(world, top, a.id if name.startswith("甲") else b.id, name)
    expected = await world.conn.fetch("SELECT id FROM org_unit ORDER BY path")
    assert len(expected) == 7

    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        response = await world.client.get(URL, headers=world.auth(top), params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        seen += [u["id"] for u in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [str(r["id"]) for r in expected]  # every unit once, depth-first
    assert pages == 4

    response = await world.client.get(URL, headers=world.auth(top), params={"q": "司法所"})
    assert sorted(u["name"] for u in response.json()["items"]) == ["乙局司法所", "甲局司法所"]
    response = await world.client.get(URL, headers=world.auth(top), params={"q": "局法"})
    assert [u["name"] for u in response.json()["items"]] == ["乙局法援中心"]
    response = await world.client.get(URL, headers=world.auth(top), params={"q": "%"})
    assert response.json()["items"] == []  # LIKE wildcards are literal
    response = await world.client.get(URL, headers=world.auth(top), params={"parent_id": str(a.id)})
    assert sorted(u["name"] for u in response.json()["items"]) == ["甲局办公室", "甲局司法所"]
    admin_b = await world.user(b, "admin")
    response = await world.client.get(URL, headers=world.auth(admin_b))
    assert {u["name"] for u in response.json()["items"]} == {
        "乙司法局",
        "乙局司法所",
        "乙局法援中心",
    }


async def test_paging_through_a_deep_tree(world: World) -> None:
    """Cursors carry a path; the longest paths still make cursors the API accepts back."""
    county, a, _ = await world.county()
    top = await world.user(county, "admin")
    chain = [a]
    for level in range(40):
        chain.append(await world.unit(f"第{level}级", chain[-1], kind="section"))
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(50):
        params = {"limit": "1", **({"cursor": cursor} if cursor else {})}
        response = await world.client.get(URL, headers=world.auth(top), params=params)
        assert response.status_code == 200, response.text
        seen += [u["id"] for u in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 43
    # Depth-first: the chain comes down level by level, without a gap.
    start = seen.index(str(a.id))
    assert seen[start : start + len(chain)] == [str(u.id) for u in chain]


async def test_sibling_bureau_is_invisible(world: World) -> None:
    _, a, b = await world.county()
    admin_a = await world.user(a, "admin")
    admin_b = await world.user(b, "admin")
    unit = await _create(world, admin_a, a.id, "甲局一科")
    before = await world.conn.fetch("SELECT id, path, name, version FROM org_unit ORDER BY id")
    for target in (unit["id"], a.id):
        response = await world.client.get(f"{URL}/{target}", headers=world.auth(admin_b))
        assert_problem(response, 404, "org_unit_not_found")
        assert_problem(await _patch(world, admin_b, target, 1, {"name": "x"}), 404)
        assert_problem(await _delete(world, admin_b, target, 1), 404)
    body = {"parent_id": str(a.id), "name": "越界", "kind": "section", "code": "X-1"}
    response = await world.client.post(URL, headers=world.auth(admin_b), json=body)
    assert_problem(response, 404, "org_unit_not_found")
    # Nor may B's admin pull A's unit into B, or push B's units under A.
    response = await _patch(world, admin_b, b.id, 1, {"name": "乙司法局"})
    assert response.status_code == 200
    own = await _create(world, admin_b, b.id, "乙局一科")
    response = await _patch(world, admin_b, own["id"], 1, {"parent_id": str(a.id)})
    assert_problem(response, 404, "org_unit_not_found")
    after = await world.conn.fetch("SELECT id, path, name, version FROM org_unit ORDER BY id")
    assert [r for r in after if r["id"] != b.id and str(r["id"]) != own["id"]] == [
        r for r in before if r["id"] != b.id
    ]


async def test_own_top_unit_cannot_be_moved_disabled_or_deleted(world: World) -> None:
    _, a, b = await world.county()
    admin = await world.user(a, "admin")
    for change in ({"is_active": False}, {"parent_id": str(b.id)}, {"parent_id": str(a.id)}):
        response = await _patch(world, admin, a.id, 1, change)
        assert_problem(response, 409, "org_unit_outside_scope")
    assert_problem(await _delete(world, admin, a.id, 1), 409, "org_unit_outside_scope")
    row = await world.conn.fetchrow("SELECT is_active, path FROM org_unit WHERE id = $1", a.id)
    assert row["is_active"] is True and row["path"] == a.path
    # Renaming it is fine.
    response = await _patch(world, admin, a.id, 1, {"name": "甲县司法局"})
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
