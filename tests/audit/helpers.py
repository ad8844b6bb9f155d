"""Shared steps for the audit tests: writes through the admin API, reads of the raw trail."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests.factories import TestUser, Unit, World

NEW_PASSWORD = "a-brand-new-passphrase-42"


async def audit_rows(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch("SELECT * FROM audit_event ORDER BY id")
    return rows


async def audit_count(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM audit_event"))


async def top_admin(world: World) -> tuple[Unit, TestUser]:
    """A province-level unit and an administrator of it (sees the whole tree)."""
    province = await world.unit("四川省司法厅", kind="province")
    return province, await world.user(province, "admin")


async def create_unit(
    world: World, admin: TestUser, parent: Unit | uuid.UUID, code: str, kind: str = "bureau"
) -> httpx.Response:
    parent_id = parent.id if isinstance(parent, Unit) else parent
    return await world.client.post(
        "/api/v1/org-units",
        json={"parent_id": str(parent_id), "name": f"单位{code}", "kind": kind, "code": code},
        headers=world.auth(admin),
    )


async def create_user(
    world: World,
    admin: TestUser,
    unit: Unit | uuid.UUID,
    username: str,
    *roles: str,
    password: str = "correct-horse-battery-staple",
) -> httpx.Response:
    unit_id = unit.id if isinstance(unit, Unit) else unit
    return await world.client.post(
        "/api/v1/users",
        json={
            "org_unit_id": str(unit_id),
            "username": username,
            "display_name": f"用户{username}",
            "roles": list(roles),
            "password": password,
        },
        headers=world.auth(admin),
    )


async def verify(world: World, admin: TestUser) -> dict[str, Any]:
    response = await world.client.post("/api/v1/audit-events/verify", headers=world.auth(admin))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def list_all(
    world: World, user: TestUser, *, limit: int = 200, **params: str
) -> list[dict[str, Any]]:
    """Every event the user may see, following next_cursor to the end."""
    items: list[dict[str, Any]] = []
    query: dict[str, str | int] = {"limit": limit, **params}
    for _ in range(1000):
        response = await world.client.get(
            "/api/v1/audit-events", params=query, headers=world.auth(user)
        )
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items.extend(page["items"])
        if page["next_cursor"] is None:
            return items
        query["cursor"] = page["next_cursor"]
    raise AssertionError("pagination did not end")
