"""Accounts over HTTP as an admin: create, list, edit, roles, password reset, disabling.

Every write leaves exactly one audit event of its action, and no password or hash in any of them.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests import factories
from tests.factories import World
from tests.platform.problem_json import (
    assert_no_secrets_in_audit,
    assert_one_audit,
    assert_problem,
    audit_since,
    last_audit_id,
    pointers,
)

URL = "/api/v1/users"
NEW_PASSWORD = "brand-new-secret-passphrase"


async def _setup(world: World) -> tuple[factories.Unit, factories.TestUser]:
    _, bureau, _ = await world.county()
    return bureau, await world.user(bureau, "admin")


def _body(unit: factories.Unit, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "org_unit_id": str(unit.id),
        "username": "li.si",
        "display_name": "李四",
        "post": "科员",
        "roles": ["officer", "leader", "officer"],
        "password": NEW_PASSWORD,
    }
    return {**body, **changes}


async def _send(
    world: World, admin: factories.TestUser, method: str, url: str, version: int, body: Any
) -> httpx.Response:
    headers = {**world.auth(admin), "If-Match": f'"{version}"'}
    return await world.client.request(method, url, headers=headers, json=body)


async def test_create(world: World) -> None:
    bureau, admin = await _setup(world)
    mark = await last_audit_id(world.conn)
    response = await world.client.post(URL, headers=world.auth(admin), json=_body(bureau))
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    user = response.json()
    assert user["username"] == "li.si" and user["display_name"] == "李四"
    assert user["roles"] == ["leader", "officer"]  # de-duplicated, in role order
    assert user["is_active"] is True and user["version"] == 1
    assert not {"password", "password_hash", "token_version"} & user.keys()
    event = await assert_one_audit(world.conn, mark, "user.create", user["id"])
    assert "李四" in event["after"]
    login = await world.login("LI.SI", NEW_PASSWORD)  # usernames are case-insensitive
    assert login.status_code == 200, login.text

    mark = await last_audit_id(world.conn)
    short = await world.client.post(
        URL, headers=world.auth(admin), json=_body(bureau, username="w", password="short-11ch")
    )
    assert set(pointers(assert_problem(short, 422))) == {"#/password", "#/username"}
    duplicate = await world.client.post(
        URL, headers=world.auth(admin), json=_body(bureau, username="Li.Si")
    )
    assert_problem(duplicate, 409, "username_taken")
    assert await audit_since(world.conn, mark) == []
    assert await world.conn.fetchval("SELECT count(*) FROM app_user") == 2
    await assert_no_secrets_in_audit(world.conn, NEW_PASSWORD, "short-11ch")


async def test_list_filters_and_keyset_paging(world: World) -> None:
    bureau, admin = await _setup(world)
    section = await world.unit("一科", bureau, kind="section")
    await world.user(bureau, "leader", username="wang.leader")
    await world.user(section, "officer", username="zhao.officer")
    await world.user(section, "officer", "observer", username="qian.both")
    await world.user(section, "office", username="sun.office", active=False)
    everyone = {r["username"] for r in await world.conn.fetch("SELECT username FROM app_user")}
    assert len(everyone) == 5

    async def names(**params: str) -> list[str]:
        response = await world.client.get(URL, headers=world.auth(admin), params=params)
        assert response.status_code == 200, response.text
        return sorted(u["username"] for u in response.json()["items"])

    assert await names(role="officer") == ["qian.both", "zhao.officer"]
    assert await names(role="leader") == ["wang.leader"]
    assert await names(org_unit_id=str(section.id)) == ["qian.both", "sun.office", "zhao.officer"]
    assert await names(q="officer") == ["zhao.officer"]
    assert await names(q="测试用户qian") == ["qian.both"]  # display names are 测试用户<username>
    assert await names(q="用户") == sorted(everyone)
    assert await names(q="_") == []  # wildcards are literal
    assert await names(is_active="false") == ["sun.office"]

    seen: list[str] = []
    cursor: str | None = None
    for _ in range(10):
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        page = (await world.client.get(URL, headers=world.auth(admin), params=params)).json()
        assert len(page["items"]) <= 2
        seen += [u["username"] for u in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(everyone) and len(seen) == len(everyone)


async def test_patch_needs_current_if_match(world: World) -> None:
    bureau, admin = await _setup(world)
    target = await world.user(bureau, "officer")
    url = f"{URL}/{target.id}"
    change = {"display_name": "新名字", "post": None}
    no_header = await world.client.patch(url, headers=world.auth(admin), json=change)
    assert_problem(no_header, 428, "precondition_required")
    assert_problem(await _send(world, admin, "PATCH", url, 3, change), 412, "precondition_failed")
    mark = await last_audit_id(world.conn)
    response = await _send(world, admin, "PATCH", url, 1, change)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    assert response.json()["display_name"] == "新名字" and response.json()["version"] == 2
    await assert_one_audit(world.conn, mark, "user.update", target.id)
    # The edit does not end the user's sessions.
    me = await world.client.get("/api/v1/auth/me", headers=world.auth(target))
    assert me.status_code == 200 and me.json()["display_name"] == "新名字"
    assert_problem(await _send(world, admin, "PATCH", url, 1, {"post": "x"}), 412)


async def test_set_roles_ends_old_tokens(world: World) -> None:
    bureau, admin = await _setup(world)
    target = await world.user(bureau, "officer")
    old_headers = world.auth(target)
    url = f"{URL}/{target.id}/roles"
    no_header = await world.client.put(url, headers=world.auth(admin), json={"roles": ["leader"]})
    assert_problem(no_header, 428)
    assert_problem(await _send(world, admin, "PUT", url, 2, {"roles": ["leader"]}), 412)
    mark = await last_audit_id(world.conn)
    response = await _send(world, admin, "PUT", url, 1, {"roles": ["leader"]})
    assert response.status_code == 200, response.text
    assert response.json()["roles"] == ["leader"] and response.json()["version"] == 2
    event = await assert_one_audit(world.conn, mark, "user.set_roles", target.id)
    assert "officer" in event["before"] and "leader" in event["after"]

    stale = await world.client.get("/api/v1/auth/me", headers=old_headers)
    assert_problem(stale, 401, "token_invalid")
    login = await world.login(target.username)
    assert login.status_code == 200, login.text
    fresh = {"Authorization": f"Bearer {login.json()['access_token']}"}
    me = await world.client.get("/api/v1/auth/me", headers=fresh)
    assert me.json()["roles"] == ["leader"] and "users:read" in me.json()["permissions"]

    bad = await _send(world, admin, "PUT", url, 2, {"roles": ["root"]})
    assert pointers(assert_problem(bad, 422)) == ["#/roles/0"]
    own = await _send(world, admin, "PUT", f"{URL}/{admin.id}/roles", 1, {"roles": []})
    assert_problem(own, 409, "cannot_change_own_account")
    await assert_no_secrets_in_audit(world.conn, factories.PASSWORD)


async def test_password_reset(world: World) -> None:
    bureau, admin = await _setup(world)
    target = await world.user(bureau, "officer")
    old_headers = world.auth(target)
    url = f"{URL}/{target.id}/password-reset"
    short = await world.client.post(url, headers=world.auth(admin), json={"new_password": "short"})
    assert pointers(assert_problem(short, 422)) == ["#/new_password"]
    mark = await last_audit_id(world.conn)
    response = await world.client.post(
        url, headers=world.auth(admin), json={"new_password": NEW_PASSWORD}
    )
    assert response.status_code == 204, response.text
    await assert_one_audit(world.conn, mark, "user.reset_password", target.id)
    assert_problem(await world.client.get("/api/v1/auth/me", headers=old_headers), 401)
    assert_problem(await world.login(target.username), 401, "invalid_credentials")
    assert (await world.login(target.username, NEW_PASSWORD)).status_code == 200
    await assert_no_secrets_in_audit(world.conn, NEW_PASSWORD, factories.PASSWORD)


async def test_disable_and_not_self(world: World) -> None:
    bureau, admin = await _setup(world)
    target = await world.user(bureau, "officer")
    old_headers = world.auth(target)
    url = f"{URL}/{target.id}"
    mark = await last_audit_id(world.conn)
    response = await _send(world, admin, "PATCH", url, 1, {"is_active": False})
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False
    await assert_one_audit(world.conn, mark, "user.disable", target.id)
    assert_problem(await world.client.get("/api/v1/auth/me", headers=old_headers), 401)
    assert_problem(await world.login(target.username), 401, "invalid_credentials")

    mark = await last_audit_id(world.conn)
    own = await _send(world, admin, "PATCH", f"{URL}/{admin.id}", 1, {"is_active": False})
    assert_problem(own, 409, "cannot_change_own_account")
    assert await audit_since(world.conn, mark) == []
    assert (await world.client.get("/api/v1/auth/me", headers=world.auth(admin))).status_code == 200

    # Re-enabled, the account signs in again (the old token stays dead).
    response = await _send(world, admin, "PATCH", url, 2, {"is_active": True})
    assert response.status_code == 200 and response.json()["is_active"] is True
    assert (await world.login(target.username)).status_code == 200
    assert_problem(await world.client.get("/api/v1/auth/me", headers=old_headers), 401)
    await assert_no_secrets_in_audit(world.conn, factories.PASSWORD)
