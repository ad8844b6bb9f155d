"""A bureau with a case being resolved, its officer assigned, and a phone's return visit."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from tests.factories import TestUser, World
from tests.workflow.support import Scene, scene

SHANGHAI_OFFSET = timedelta(hours=8)


def now() -> datetime:
    return datetime.now(UTC)


def visit(*officers: TestUser, **changes: Any) -> dict[str, Any]:
    """What a phone sends: an in-person visit an hour ago that found the petitioner satisfied."""
    visited = now() - timedelta(hours=1)
    body: dict[str, Any] = {
        "visited_at": visited.isoformat(),
        "officers": [str(o.id) for o in officers],
        "manner": "in_person",
        "gps": {"lat": 30.5728, "lon": 104.0668, "accuracy_m": 12.5},
        "place": "清溪县红星村三组张某家中",
        "people_met": "张某及其妻子李某",
        "attitude": "satisfied",
        "could_not_visit": False,
        "threats_recorded": False,
        "notes": "信访人表示认可处理结果，不再上访",
        "next_visit_on": (visited + SHANGHAI_OFFSET + timedelta(days=30)).date().isoformat(),
    }
    body.update(changes)
    return body


async def resolving_scene(world: World) -> Scene:
    """A case in `resolving` since two days ago, the officer its responsible person."""
    s = await scene(world, status="resolving", status_changed_at=now() - timedelta(days=2))
    response = await s.assign("responsible_person", user=s.officer)
    assert response.status_code == 201, response.text
    return s


async def post_visit(
    s: Scene,
    user: TestUser,
    body: dict[str, Any],
    key: str | None,
    *,
    case_id: uuid.UUID | None = None,
    lang: str = "zh-CN",
) -> httpx.Response:
    headers = {**s.world.auth(user), "Accept-Language": lang}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await s.client.post(s.url("/check-ins", case_id), json=body, headers=headers)


async def record(s: Scene, user: TestUser, body: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Post a visit under a fresh key; it must be created."""
    response = await post_visit(s, user, body, str(uuid.uuid4()), **kw)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def check_in_count(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM check_in"))


def shanghai_day(at: datetime) -> date:
    return (at.astimezone(UTC) + SHANGHAI_OFFSET).date()
