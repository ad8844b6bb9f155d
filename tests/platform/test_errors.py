"""Every error status leaves as RFC 9457 problem+json with the request id, in the caller's language.

Hostile input (NUL bytes, overflowing numbers, bodies that are not JSON) is in test_bad_input.py.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from anjie.access.dependencies import Public
from anjie.config import Settings
from anjie.main import create_app
from tests import factories
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers


async def _admin(world: World) -> factories.TestUser:
    _, bureau, _ = await world.county()
    return await world.user(bureau, "admin")


async def test_401_without_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/users")
    assert_problem(response, 401, "token_invalid")
    assert response.headers["www-authenticate"].lower().startswith("bearer")


async def test_403_without_permission(world: World) -> None:
    _, bureau, _ = await world.county()
    officer = await world.user(bureau, "officer")
    response = await world.client.get("/api/v1/users", headers=world.auth(officer))
    assert_problem(response, 403, "forbidden")


async def test_404_unknown_route_and_unknown_id(world: World) -> None:
    admin = await _admin(world)
    for path in ("/api/v1/no-such-thing", "/api/v1/users/x/y/z"):
        assert_problem(await world.client.get(path), 404, "not_found")
    response = await world.client.get(f"/api/v1/users/{uuid.uuid4()}", headers=world.auth(admin))
    assert_problem(response, 404, "user_not_found")
    response = await world.client.get(
        f"/api/v1/org-units/{uuid.uuid4()}", headers=world.auth(admin)
    )
    assert_problem(response, 404, "org_unit_not_found")


async def test_405_wrong_method(client: httpx.AsyncClient) -> None:
    assert_problem(await client.delete("/api/v1/users"), 405, "method_not_allowed")
    assert_problem(await client.put("/healthz"), 405, "method_not_allowed")


async def test_405_names_the_allowed_methods_and_unknown_api_paths_are_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete("/api/v1/users")
    assert_problem(response, 405)
    # Every method of the path, though GET and POST are separate routes (issue 14).
    assert response.headers["allow"] == "GET, POST"
    one = await client.put("/api/v1/users/00000000-0000-0000-0000-000000000000")
    assert_problem(one, 405)
    assert {"GET", "PATCH"} <= set(one.headers["allow"].split(", "))
    assert_problem(await client.post("/api/v1/no-such-thing"), 404, "not_found")


async def test_409_duplicate_username_and_org_code(world: World) -> None:
    admin = await _admin(world)
    taken = await world.user(admin.unit, "officer", username="zhang.san")
    body = {
        "org_unit_id": str(admin.unit.id),
        "username": "Zhang.San",
        "display_name": "张三",
        "password": "a-long-enough-password",
    }
    response = await world.client.post("/api/v1/users", headers=world.auth(admin), json=body)
    assert_problem(response, 409, "username_taken")
    assert taken.username == "zhang.san"
    unit = {"parent_id": str(admin.unit.id), "name": "办公室", "kind": "office", "code": "QX-01"}
    first = await world.client.post("/api/v1/org-units", headers=world.auth(admin), json=unit)
    assert first.status_code == 201, first.text
    again = {**unit, "name": "另一个办公室", "code": "qx-01"}
    response = await world.client.post("/api/v1/org-units", headers=world.auth(admin), json=again)
    assert_problem(response, 409, "org_unit_code_taken")


async def test_412_stale_and_428_missing_if_match(world: World) -> None:
    admin = await _admin(world)
    target = await world.user(admin.unit, "officer")
    url = f"/api/v1/users/{target.id}"
    patch = {"display_name": "新名字"}
    response = await world.client.patch(url, headers=world.auth(admin), json=patch)
    assert_problem(response, 428, "precondition_required")
    for stale in ('"2"', '"0"', 'W/"7"', "garbage", '"99999999999999999999"'):
        headers = {**world.auth(admin), "If-Match": stale}
        response = await world.client.patch(url, headers=headers, json=patch)
        assert_problem(response, 412, "precondition_failed")
    headers = {**world.auth(admin), "If-Match": '"1"'}
    response = await world.client.patch(url, headers=headers, json=patch)
    assert response.status_code == 200, response.text


async def test_413_json_body_over_2_mib(world: World) -> None:
    admin = await _admin(world)
    users_before = await world.conn.fetchval("SELECT count(*) FROM app_user")
    big = {
        "org_unit_id": str(admin.unit.id),
        "username": "big.body",
        "display_name": "大",
        "password": "x" * (2 * 1024 * 1024 + 10),
    }
    response = await world.client.post("/api/v1/users", headers=world.auth(admin), json=big)
    body = assert_problem(response, 413, "payload_too_large")
    assert "2097152" in body["detail"]
    assert await world.conn.fetchval("SELECT count(*) FROM app_user") == users_before


async def test_413_declared_content_length_over_limit(world: World) -> None:
    admin = await _admin(world)
    headers = {
        **world.auth(admin),
        "Content-Type": "application/json",
        "Content-Length": str(3 * 1024 * 1024),
    }
    response = await world.client.post("/api/v1/users", headers=headers, content=b"{}")
    assert_problem(response, 413, "payload_too_large")


async def test_413_chunked_body_without_content_length(world: World) -> None:
    admin = await _admin(world)
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"display_name": "'
        for _ in range(30):
            sent += 100_000
            yield b"x" * 100_000
        yield b'"}'

    headers = {**world.auth(admin), "Content-Type": "application/json"}
    request = world.client.build_request("POST", "/api/v1/users", headers=headers, content=chunks())
    assert "content-length" not in request.headers
    assert request.headers.get("transfer-encoding") == "chunked"
    response = await world.client.send(request)
    assert_problem(response, 413, "payload_too_large")
    # The app stopped reading soon after the limit rather than swallowing the whole stream.
    assert sent <= 2 * 1024 * 1024 + 200_000


async def test_422_validation_lists_pointers(world: World) -> None:
    admin = await _admin(world)
    response = await world.client.post(
        "/api/v1/users",
        headers=world.auth(admin),
        json={"org_unit_id": str(admin.unit.id), "username": "ok.name", "display_name": ""},
    )
    body = assert_problem(response, 422, "validation_failed")
    assert set(pointers(body)) == {"#/display_name", "#/password"}
    assert all({"pointer", "detail", "code"} <= e.keys() for e in body["errors"])


async def test_429_login_throttled(world: World) -> None:
    admin = await _admin(world)
    for _ in range(5):
        response = await world.login(admin.username, "wrong-password-123")
        assert_problem(response, 401, "invalid_credentials")
    response = await world.login(admin.username, "wrong-password-123")
    assert_problem(response, 429, "too_many_requests")
    assert int(response.headers["retry-after"]) > 0
    # Throttled even with the right password: the limit is per account, not per guess.
    assert_problem(await world.login(admin.username), 429, "too_many_requests")


async def test_500_is_a_problem_without_a_traceback(settings: Settings, tmp_path: Path) -> None:
    # A fresh app with a throwaway failing route; the shared app stays untouched.
    app = create_app(settings.model_copy(update={"spa_dir": tmp_path / "no-spa"}))

    @app.get("/boom", dependencies=[Public])
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
        response = await client.get("/boom", headers={"X-Request-ID": "trace-500-abcdef"})
        english = await client.get("/boom", headers={"Accept-Language": "en"})
    body = assert_problem(response, 500, "internal_error")
    assert response.headers["x-request-id"] == "trace-500-abcdef"
    assert body["request_id"] == "trace-500-abcdef"
    assert "hunter2" not in response.text and "RuntimeError" not in response.text
    assert body["detail"].startswith("服务器内部错误")
    assert assert_problem(english, 500)["detail"].startswith("Internal server error")


async def test_detail_follows_accept_language(world: World) -> None:
    admin = await _admin(world)
    url = f"/api/v1/users/{uuid.uuid4()}"
    default = await world.client.get(url, headers=world.auth(admin))
    assert assert_problem(default, 404)["detail"] == "用户不存在"
    english = await world.client.get(url, headers={**world.auth(admin), "Accept-Language": "en"})
    assert assert_problem(english, 404)["detail"] == "The user does not exist"
    preferred = {**world.auth(admin), "Accept-Language": "en;q=0.5, zh-CN;q=0.9"}
    response = await world.client.get(url, headers=preferred)
    assert assert_problem(response, 404)["detail"] == "用户不存在"
    response = await world.client.get("/api/v1/users", headers={"Accept-Language": "en-GB"})
    assert assert_problem(response, 401)["detail"] == "Your session is not valid; sign in again"
    response = await world.client.post(
        "/api/v1/users", headers={**world.auth(admin), "Accept-Language": "en"}, json={}
    )
    body = assert_problem(response, 422)
    assert body["detail"] == "The submitted data is not valid"
    assert {e["detail"] for e in body["errors"]} == {"Field required"}


async def test_request_id_echoed_when_valid_replaced_when_not(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "client-req-0001"})
    assert response.headers["x-request-id"] == "client-req-0001"
    for bad in ("short", "has spaces in it", "x" * 65, "slash/in/the/id"):
        response = await client.get("/healthz", headers={"X-Request-ID": bad})
        assert response.headers["x-request-id"] != bad
        assert len(response.headers["x-request-id"]) == 32
    # Every problem carries the id of its request.
    response = await client.get("/api/v1/me-not-here", headers={"X-Request-ID": "abc-123-def"})
    assert assert_problem(response, 404)["request_id"] == "abc-123-def"


async def test_titles_follow_the_language(client: httpx.AsyncClient) -> None:
    zh = await client.get("/api/v1/cases/not-a-uuid", headers={"Accept-Language": "zh-CN"})
    en = await client.get("/api/v1/cases/not-a-uuid", headers={"Accept-Language": "en"})
    assert (zh.status_code, en.status_code) == (401, 401)
    assert (zh.json()["title"], en.json()["title"]) == ("未登录或登录已失效", "Unauthorized")
    assert zh.json()["code"] == en.json()["code"]  # the stable part does not change
