"""A PostgreSQL outage during writes (issue 14, finding 9): every route answers 503 with
Retry-After — "later", which the phone's outbox retries — never a 500; `/readyz` says so; the
same app serves again once the database is back on its port; and no acknowledged write is lost,
while an unacknowledged one is either absent or replayable by its Idempotency-Key."""

from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from anjie.config import Settings
from tests.cases.support import CASES, bureau, case_body
from tests.factories import World
from tests.faults.conftest import Outage

# Routes that never read the database: they keep answering during an outage.
_WITHOUT_DATABASE = {"/healthz", "/metrics"}
# Public routes whose body is validated before the database is asked anything.
_PUBLIC = {
    "/api/v1/auth/token",
    "/api/v1/auth/refresh",
    "/api/v1/auth/logout",
    "/api/v1/hearings/calendar.ics",
}


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: str(uuid.uuid4()), path)


async def _world(client: httpx.AsyncClient, outage: Outage, settings: Settings) -> World:
    return World(client=client, conn=await outage.connect(), settings=settings)


def _assert_later(response: httpx.Response, what: str) -> None:
    assert response.status_code == 503, f"{what}: {response.status_code} {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json"), what
    assert int(response.headers["retry-after"]) > 0, what
    assert response.json()["code"] == "database_unavailable", what


async def test_every_route_answers_503_with_retry_after_while_the_database_is_down(
    fault_client: httpx.AsyncClient, fault_app: FastAPI, fault_settings: Settings, outage: Outage
) -> None:
    world = await _world(fault_client, outage, fault_settings)
    county, _, _ = await world.county()
    user = await world.user(county, "admin", "office", "leader", "observer")
    await world.conn.close()
    headers = {**world.auth(user), "If-Match": '"x"', "Idempotency-Key": str(uuid.uuid4())}

    outage.stop()
    ready = await fault_client.get("/readyz")
    _assert_later(ready, "/readyz")
    login = await fault_client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": user.username, "password": user.password},
    )
    _assert_later(login, "POST /api/v1/auth/token")

    checked = 0
    refused_before_the_database: list[str] = []
    for route in iter_route_contexts(fault_app.routes):
        path = str(route.path_format)
        if not isinstance(route.original_route, APIRoute) or path in _WITHOUT_DATABASE:
            continue
        for method in sorted(set(route.methods or ()) - {"HEAD", "OPTIONS"}):
            kwargs: dict[str, Any] = {"headers": headers}
            if method in {"POST", "PUT", "PATCH"}:
                kwargs["json"] = {}
            response = await fault_client.request(method, _concrete(path), **kwargs)
            checked += 1
            if response.status_code == 422 and path in _PUBLIC:
                # A public form checked before any query ({} is not a sign-in): still no 500.
                refused_before_the_database.append(f"{method} {path}")
                continue
            _assert_later(response, f"{method} {path}")
    assert checked > 50
    assert len(refused_before_the_database) <= len(_PUBLIC), refused_before_the_database

    outage.start()
    assert (await fault_client.get("/readyz")).status_code == 200
    me = await fault_client.get("/api/v1/auth/me", headers=world.auth(user))
    assert me.status_code == 200, me.text


async def _create(
    client: httpx.AsyncClient, world: World, user: Any, body: dict[str, Any], key: str
) -> httpx.Response:
    headers = {**world.auth(user), "Idempotency-Key": key}
    return await client.post(CASES, json=body, headers=headers)


async def test_writes_through_an_outage_lose_nothing_acknowledged_and_replay_the_rest(
    fault_client: httpx.AsyncClient, fault_settings: Settings, outage: Outage
) -> None:
    world = await _world(fault_client, outage, fault_settings)
    b = await bureau(world)
    await world.conn.close()
    bodies = {str(uuid.uuid4()): case_body(b.campaign_id) for _ in range(40)}
    answers: dict[str, httpx.Response] = {}
    going = asyncio.Event()

    async def writer(keys: list[str]) -> None:
        for key in keys:
            answers[key] = await _create(fault_client, world, b.office, bodies[key], key)
            if len(answers) >= 8:
                going.set()

    async def stop_midway() -> None:
        # Let the writers get going, then pull the database from under them.
        await going.wait()
        await asyncio.to_thread(outage.stop)

    keys = list(bodies)
    await asyncio.gather(stop_midway(), *(writer(keys[i::4]) for i in range(4)))

    statuses = {r.status_code for r in answers.values()}
    assert statuses <= {201, 503}, statuses
    acknowledged = {k: r.json()["id"] for k, r in answers.items() if r.status_code == 201}
    unacknowledged = [k for k, r in answers.items() if r.status_code == 503]
    assert acknowledged and unacknowledged
    for key in unacknowledged:
        assert int(answers[key].headers["retry-after"]) > 0

    # The same app, never restarted, serves again once the database is back on its port.
    outage.start()
    assert (await fault_client.get("/readyz")).status_code == 200

    conn = await outage.connect()
    try:
        stored = {
            str(row["id"])
            for row in await conn.fetch(
                "SELECT id FROM petition_case WHERE campaign_id = $1", b.campaign_id
            )
        }
        assert set(acknowledged.values()) <= stored
        for key in unacknowledged:
            retry = await _create(fault_client, world, b.office, bodies[key], key)
            assert retry.status_code == 201, retry.text
            acknowledged[key] = retry.json()["id"]
        # One case per key: a retried write never doubles, an unanswered one was not half-kept.
        rows = await conn.fetch(
            "SELECT id FROM petition_case WHERE campaign_id = $1", b.campaign_id
        )
        assert sorted(str(r["id"]) for r in rows) == sorted(acknowledged.values())
    finally:
        await conn.close()
