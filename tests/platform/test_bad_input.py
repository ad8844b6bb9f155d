"""Hostile input gets a clear 422 problem and changes nothing: NUL bytes, numbers that overflow,
bodies that are not JSON, wrong types. Never a 500."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from anjie.access.dependencies import Public
from anjie.config import Settings
from anjie.core.db import SessionDep
from anjie.core.schemas import ApiModel
from anjie.main import create_app
from tests import factories
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers

INT64_PLUS = 2**63
HUGE = 10**20


async def _admin(world: World) -> factories.TestUser:
    _, bureau, _ = await world.county()
    return await world.user(bureau, "admin")


def _new_user(admin: factories.TestUser, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "org_unit_id": str(admin.unit.id),
        "username": "new.user",
        "display_name": "新用户",
        "password": "a-long-enough-password",
    }
    body.update(changes)
    return body


async def _count(world: World, table: str) -> int:
    return int(await world.conn.fetchval(f"SELECT count(*) FROM {table}"))


async def test_nul_in_a_json_string_is_422_at_that_field(world: World) -> None:
    admin = await _admin(world)
    users, events = await _count(world, "app_user"), await _count(world, "audit_event")
    response = await world.client.post(
        "/api/v1/users", headers=world.auth(admin), json=_new_user(admin, display_name="a\u0000b")
    )
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"] == [
        {
            "pointer": "#/display_name",
            "detail": "不能包含空字符（\\u0000）",
            "code": "nul_character",
        }
    ]
    assert await _count(world, "app_user") == users
    assert await _count(world, "audit_event") == events


NUL_HOLIDAY = {"holidays": [{"day": "2027-01-01", "name": "元\u0000旦"}], "workdays": []}
NUL_UNIT = {"name": "\u0000", "kind": "office", "code": "A1"}
NUL_KEY = {"username": "x", "bogus\u0000key": 1}


@pytest.mark.parametrize(
    ("path", "method", "body", "pointer"),
    [
        ("/api/v1/calendar/years/2027", "PUT", NUL_HOLIDAY, "#/holidays/0/name"),
        ("/api/v1/org-units", "POST", NUL_UNIT, "#/name"),
        ("/api/v1/users", "POST", NUL_KEY, "#"),
    ],
)
async def test_nul_anywhere_in_a_body_is_refused(
    world: World, path: str, method: str, body: dict[str, Any], pointer: str
) -> None:
    admin = await _admin(world)
    body = {"parent_id": str(admin.unit.id), **body} if "org-units" in path else body
    response = await world.client.request(method, path, headers=world.auth(admin), json=body)
    problem = assert_problem(response, 422)
    assert pointers(problem)[0] == pointer
    assert problem["errors"][0]["code"] == "nul_character"
    assert await _count(world, "calendar_year") == 0
    assert await _count(world, "org_unit") == 3


async def test_nul_in_the_url_is_422(world: World) -> None:
    admin = await _admin(world)
    for url in ("/api/v1/users?q=a%00b", "/api/v1/org-units?q=%00", "/api/v1/users/%00"):
        response = await world.client.get(url, headers=world.auth(admin))
        body = assert_problem(response, 422, "validation_failed")
        assert body["errors"][0]["code"] == "nul_character"
    response = await world.client.get(
        "/api/v1/users?q=a%00b", headers={**world.auth(admin), "Accept-Language": "en"}
    )
    assert assert_problem(response, 422)["detail"] == "The submitted data is not valid"


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/users?limit={HUGE}",
        "/api/v1/users?limit=0",
        "/api/v1/users?limit=201",
        "/api/v1/users?limit=1e3",
        f"/api/v1/org-units?limit=-{HUGE}",
        f"/api/v1/calendar/years/{HUGE}",
        f"/api/v1/calendar/working-days?start=2026-01-05&days={INT64_PLUS}",
        "/api/v1/calendar/working-days?start=2026-13-45&days=1",
        "/api/v1/users?role=superuser",
        "/api/v1/users?org_unit_id=not-a-uuid",
        "/api/v1/users?cursor=%%%",
        "/api/v1/users?cursor=WyJub3QtYS11dWlkIl0",  # ["not-a-uuid"]
        "/api/v1/org-units?cursor=bm90IGpzb24",  # "not json"
    ],
)
async def test_bad_query_values_are_422(world: World, url: str) -> None:
    admin = await _admin(world)
    response = await world.client.get(url, headers=world.auth(admin))
    body = assert_problem(response, 422)
    assert body["errors"], body


@pytest.mark.parametrize(
    ("changes", "pointer"),
    [
        ({"display_name": 5}, "#/display_name"),
        ({"display_name": ["a"]}, "#/display_name"),
        ({"org_unit_id": HUGE}, "#/org_unit_id"),
        ({"roles": "admin"}, "#/roles"),
        ({"roles": ["king"]}, "#/roles/0"),
        ({"password": None}, "#/password"),
        ({"username": {"$gt": ""}}, "#/username"),
        ({"extra_field": 1}, "#/extra_field"),
    ],
)
async def test_wrong_types_are_422(world: World, changes: dict[str, Any], pointer: str) -> None:
    admin = await _admin(world)
    users = await _count(world, "app_user")
    response = await world.client.post(
        "/api/v1/users", headers=world.auth(admin), json=_new_user(admin, **changes)
    )
    body = assert_problem(response, 422, "validation_failed")
    assert pointer in pointers(body), body
    assert await _count(world, "app_user") == users


@pytest.mark.parametrize("value", [HUGE, -HUGE, INT64_PLUS, 1e300, "9" * 400])
async def test_json_numbers_beyond_int64_are_422(world: World, value: object) -> None:
    admin = await _admin(world)
    target = await world.user(admin.unit, "officer")
    headers = {**world.auth(admin), "If-Match": '"1"'}
    response = await world.client.patch(
        f"/api/v1/users/{target.id}", headers=headers, json={"is_active": value}
    )
    assert pointers(assert_problem(response, 422)) == ["#/is_active"]
    response = await world.client.put(
        "/api/v1/calendar/years/2027",
        headers=world.auth(admin),
        json={"holidays": [{"day": value}], "workdays": []},
    )
    assert pointers(assert_problem(response, 422)) == ["#/holidays/0/day"]


class _IntProbe(ApiModel):
    n: int


async def test_int_the_database_cannot_hold_is_422(settings: Settings, tmp_path: Path) -> None:
    """An int the schema lets through but PostgreSQL's bigint cannot hold: 422, not 500."""
    app = create_app(settings.model_copy(update={"spa_dir": tmp_path / "no-spa"}))

    @app.post("/probe", dependencies=[Public])
    async def probe(body: _IntProbe, session: SessionDep) -> dict[str, int]:
        value = await session.scalar(text("SELECT CAST(:n AS bigint)"), {"n": body.n})
        return {"n": int(value)}

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client,
    ):
        ok = await client.post("/probe", json={"n": 2**63 - 1})
        assert ok.json() == {"n": 2**63 - 1}
        for n in (2**63, -(2**63) - 1, HUGE):
            response = await client.post("/probe", json={"n": n})
            assert_problem(response, 422, "invalid_value")


async def test_a_race_lost_at_the_database_is_409(world: World, tmp_path: Path) -> None:
    """A unique violation no service check saw (another request committed first): 409, retryable,
    and the losing transaction leaves nothing behind."""
    app = create_app(world.settings.model_copy(update={"spa_dir": tmp_path / "no-spa"}))

    @app.post("/race", dependencies=[Public])
    async def race(session: SessionDep) -> None:
        insert = "INSERT INTO calendar_year (year, entered_at) VALUES (:y, now())"
        await session.execute(text(insert), {"y": 2031})
        await session.execute(text(insert), {"y": 2030})

    await world.conn.execute("INSERT INTO calendar_year (year, entered_at) VALUES (2030, now())")
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client,
    ):
        response = await client.post("/race")
    assert_problem(response, 409, "conflict")
    assert await world.conn.fetchval("SELECT array_agg(year) FROM calendar_year") == [2030]


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b'{"display_name": "x",}', b"", b"\xff\xfe\x00", b"[1, 2", b"null"],
)
async def test_body_that_is_not_json_is_422(world: World, raw: bytes) -> None:
    admin = await _admin(world)
    headers = {**world.auth(admin), "Content-Type": "application/json"}
    response = await world.client.post("/api/v1/users", headers=headers, content=raw)
    body = assert_problem(response, 422, "validation_failed")
    assert pointers(body)[0] == "#", body


async def test_form_body_where_json_is_expected_is_422(world: World) -> None:
    admin = await _admin(world)
    response = await world.client.post(
        "/api/v1/users", headers=world.auth(admin), data={"username": "form.user"}
    )
    assert_problem(response, 422)
