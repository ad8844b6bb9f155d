"""An event lives and dies with the change it records (one transaction per request), except for
failed sign-ins, whose event is kept on purpose although the answer is 401."""

from __future__ import annotations

import pytest

from anjie.core.errors import Conflict
from anjie.users import endpoints as users_endpoints
from tests.audit.helpers import audit_count, audit_rows, create_user, top_admin, verify
from tests.factories import World


async def _user_count(world: World, username: str) -> int:
    return int(
        await world.conn.fetchval(
            "SELECT count(*) FROM app_user WHERE lower(username) = lower($1)", username
        )
    )


async def test_a_duplicate_username_leaves_no_event(world: World) -> None:
    province, admin = await top_admin(world)
    assert (await create_user(world, admin, province, "zhangsan", "officer")).status_code == 201
    assert await audit_count(world.conn) == 1

    response = await create_user(world, admin, province, "ZhangSan", "leader")
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "username_taken"
    assert await audit_count(world.conn) == 1
    assert await _user_count(world, "zhangsan") == 1


async def test_a_stale_patch_leaves_no_event_and_no_change(world: World) -> None:
    province, admin = await top_admin(world)
    created = await create_user(world, admin, province, "lisi", "officer")
    user_id, etag = created.json()["id"], created.headers["etag"]
    ok = await world.client.patch(
        f"/api/v1/users/{user_id}",
        json={"display_name": "李四"},
        headers={**world.auth(admin), "If-Match": etag},
    )
    assert ok.status_code == 200, ok.text
    events = await audit_count(world.conn)
    assert events == 2

    stale = await world.client.patch(
        f"/api/v1/users/{user_id}",
        json={"display_name": "王五"},
        headers={**world.auth(admin), "If-Match": etag},
    )
    assert stale.status_code == 412, stale.text
    assert await audit_count(world.conn) == events
    name = await world.conn.fetchval("SELECT display_name FROM app_user WHERE id = $1", user_id)
    assert name == "李四"


@pytest.mark.parametrize(
    ("error", "status"), [(Conflict(), 409), (RuntimeError("boom after the audit event"), 500)]
)
async def test_a_failure_after_the_event_was_recorded_rolls_both_back(
    world: World, monkeypatch: pytest.MonkeyPatch, error: Exception, status: int
) -> None:
    """The user and its user.create event are both flushed when the endpoint then fails."""
    province, admin = await top_admin(world)

    def fail_after_service(*_: object) -> None:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(users_endpoints, "set_etag", fail_after_service)
        response = await create_user(world, admin, province, "wangwu", "officer")
    assert response.status_code == status, response.text
    assert await audit_count(world.conn) == 0
    assert await _user_count(world, "wangwu") == 0

    # The id the failed write reserved is simply skipped; the chain goes on unbroken.
    assert (await create_user(world, admin, province, "wangwu", "officer")).status_code == 201
    rows = await audit_rows(world.conn)
    assert [r["action"] for r in rows] == ["user.create"]
    assert rows[0]["prev_hash"] == bytes(32)
    assert await verify(world, admin) == {"ok": True, "checked": 1, "first_bad_id": None}


async def test_a_failed_sign_in_is_recorded_although_the_answer_is_401(world: World) -> None:
    province, admin = await top_admin(world)
    user = await world.user(province, "officer")

    response = await world.login(user.username, "wrong-password-entirely")
    assert response.status_code == 401, response.text
    unknown = await world.login("nobody-by-this-name", "wrong-password-entirely")
    assert unknown.status_code == 401, unknown.text

    rows = await audit_rows(world.conn)
    assert [r["action"] for r in rows] == ["auth.login_failed", "auth.login_failed"]
    known, stranger = rows
    assert known["entity_id"] == str(user.id)
    assert known["org_path"] == province.path
    assert known["actor_type"] == "anonymous"
    assert known["ip"] == "127.0.0.1"
    assert stranger["entity_id"] is None
    assert stranger["org_path"] is None
    assert stranger["actor_name"] == "nobody-by-this-name"
    # The failure counter was kept with it.
    assert await world.conn.fetchval("SELECT count(*) FROM login_attempt") == 2
    assert await verify(world, admin) == {"ok": True, "checked": 2, "first_bad_id": None}


async def test_a_successful_sign_in_is_recorded_once(world: World) -> None:
    province, _ = await top_admin(world)
    user = await world.user(province, "officer")
    assert (await world.login(user.username)).status_code == 200
    rows = await audit_rows(world.conn)
    assert [(r["action"], r["actor_id"]) for r in rows] == [("auth.login", user.id)]
