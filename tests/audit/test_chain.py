"""The hash chain: every write links to the one before it, and rewriting history shows."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg

from anjie.audit import service
from anjie.audit.models import AuditEvent
from anjie.audit.service import Actor
from tests.audit.helpers import audit_count, audit_rows, create_unit, create_user, top_admin, verify
from tests.factories import TestUser as AppUser
from tests.factories import World

GENESIS_HASH = bytes(32)


def assert_linked(rows: list[asyncpg.Record]) -> None:
    """Row by row in id order: the first links to genesis, each next one to its predecessor."""
    assert rows, "no audit rows"
    assert rows[0]["prev_hash"] == GENESIS_HASH
    for earlier, later in itertools.pairwise(rows):
        assert later["id"] > earlier["id"]
        assert later["prev_hash"] == earlier["hash"], f"row {later['id']} does not link"
    assert all(len(row["hash"]) == 32 for row in rows)
    assert len({row["hash"] for row in rows}) == len(rows)


async def _some_history(world: World) -> tuple[AppUser, list[asyncpg.Record]]:
    """Org units, users and sign-ins by several people: eleven events."""
    province, admin = await top_admin(world)
    city = (await create_unit(world, admin, province, "C1", kind="city")).json()["id"]
    county = (await create_unit(world, admin, city, "C2", kind="county")).json()["id"]
    for code in ("B1", "B2"):
        assert (await create_unit(world, admin, county, code)).status_code == 201
    for name, roles in (("lead1", ("leader",)), ("obs1", ("observer",)), ("off1", ("officer",))):
        response = await create_user(world, admin, county, name, *roles)
        assert response.status_code == 201, response.text
        assert (await world.login(name)).status_code == 200
    assert (await world.login(admin.username)).status_code == 200
    return admin, await audit_rows(world.conn)


async def test_history_verifies_and_every_row_links_to_the_previous(world: World) -> None:
    admin, rows = await _some_history(world)
    actions = [row["action"] for row in rows]
    assert len(rows) == 11
    assert actions.count("org_unit.create") == 4
    assert actions.count("user.create") == 3
    assert actions.count("auth.login") == 4
    assert_linked(rows)
    assert await verify(world, admin) == {
        "ok": True,
        "checked": len(rows),
        "first_bad_id": None,
    }


async def test_an_empty_trail_verifies(world: World) -> None:
    _, admin = await top_admin(world)
    assert await verify(world, admin) == {"ok": True, "checked": 0, "first_bad_id": None}


async def test_only_administrators_may_verify(world: World) -> None:
    province, _ = await top_admin(world)
    for role in ("leader", "observer", "office", "officer"):
        user = await world.user(province, role)
        response = await world.client.post("/api/v1/audit-events/verify", headers=world.auth(user))
        assert response.status_code == 403, (role, response.text)
    assert (await world.client.post("/api/v1/audit-events/verify")).status_code == 401


async def _tampered(world: World, statement: str, *args: Any) -> None:
    """Run one statement with the append-only trigger off, as an intruder with superuser would.

    One transaction, so the trigger is back on whatever happens.
    """
    async with world.conn.transaction():
        await world.conn.execute(
            "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete"
        )
        status = await world.conn.execute(statement, *args)
        assert status.endswith(" 1"), status
        await world.conn.execute(
            "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete"
        )


async def _verify_after(
    world: World, tamper: Callable[[list[asyncpg.Record]], Awaitable[int]]
) -> tuple[dict[str, Any], int, int]:
    admin, rows = await _some_history(world)
    assert (await verify(world, admin))["ok"] is True
    expected_bad = await tamper(rows)
    return await verify(world, admin), expected_bad, len(rows)


async def test_a_changed_reason_is_caught_at_that_row(world: World) -> None:
    async def tamper(rows: list[asyncpg.Record]) -> int:
        victim = rows[len(rows) // 2]["id"]
        await _tampered(
            world, "UPDATE audit_event SET reason = 'nothing happened' WHERE id = $1", victim
        )
        return int(victim)

    result, bad, total = await _verify_after(world, tamper)
    assert result["ok"] is False
    assert result["first_bad_id"] == bad
    assert result["checked"] < total


async def test_a_changed_after_snapshot_is_caught_at_that_row(world: World) -> None:
    async def tamper(rows: list[asyncpg.Record]) -> int:
        victim = next(r for r in rows[2:] if r["action"] == "user.create")["id"]
        await _tampered(
            world,
            "UPDATE audit_event SET after = jsonb_set(after, '{roles}', '[\"admin\"]') "
            "WHERE id = $1",
            victim,
        )
        return int(victim)

    result, bad, _ = await _verify_after(world, tamper)
    assert result == {"ok": False, "checked": result["checked"], "first_bad_id": bad}


async def test_a_deleted_row_is_caught_at_the_row_after_the_gap(world: World) -> None:
    async def tamper(rows: list[asyncpg.Record]) -> int:
        middle = len(rows) // 2
        await _tampered(world, "DELETE FROM audit_event WHERE id = $1", rows[middle]["id"])
        return int(rows[middle + 1]["id"])

    result, bad, _ = await _verify_after(world, tamper)
    assert result["ok"] is False
    assert result["first_bad_id"] == bad


async def test_a_rewritten_row_with_a_recomputed_hash_breaks_the_next_link(
    world: World, app: Any
) -> None:
    """Fixing up the row's own hash is not enough: the next row still points at the old one."""

    async def tamper(rows: list[asyncpg.Record]) -> int:
        middle = len(rows) // 2
        victim = rows[middle]["id"]
        async with world.conn.transaction():
            await world.conn.execute(
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete"
            )
            await world.conn.execute(
                "UPDATE audit_event SET actor_name = 'someone else' WHERE id = $1", victim
            )
            await world.conn.execute(
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete"
            )
        async with app.state.db.sessionmaker() as session:
            event = await session.get(AuditEvent, victim)
            assert event is not None and event.actor_name == "someone else"
            forged = service.chain_hash(event.prev_hash, event)
        async with world.conn.transaction():
            await world.conn.execute(
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete"
            )
            await world.conn.execute(
                "UPDATE audit_event SET hash = $2 WHERE id = $1", victim, forged
            )
            await world.conn.execute(
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete"
            )
        return int(rows[middle + 1]["id"])

    result, bad, _ = await _verify_after(world, tamper)
    assert result["ok"] is False
    assert result["first_bad_id"] == bad


async def test_twenty_concurrent_writes_make_one_chain_without_a_fork(world: World) -> None:
    province, admin = await top_admin(world)
    users = [await world.user(province, "officer") for _ in range(10)]

    responses = await asyncio.gather(
        *(create_unit(world, admin, province, f"P{i:02d}", kind="city") for i in range(10)),
        *(world.login(user.username) for user in users),
    )
    assert [r.status_code for r in responses] == [201] * 10 + [200] * 10

    rows = await audit_rows(world.conn)
    assert len(rows) == 20
    assert_linked(rows)
    prev_hashes = [row["prev_hash"] for row in rows]
    assert len(set(prev_hashes)) == 20, "two events link to the same predecessor: a fork"
    # Following the links from genesis visits the rows in id order.
    by_prev = {row["prev_hash"]: row for row in rows}
    walk, link = [], GENESIS_HASH
    while link in by_prev:
        walk.append(by_prev[link]["id"])
        link = by_prev[link]["hash"]
    assert walk == [row["id"] for row in rows]
    assert await verify(world, admin) == {"ok": True, "checked": 20, "first_bad_id": None}


async def test_numbers_that_jsonb_rewrites_still_verify(world: World, app: Any) -> None:
    """JSONB reads 1e16 back as an integer and -0.0 as 0.0; the hash must cover what is stored."""
    async with app.state.db.sessionmaker() as session, session.begin():
        for value in (1e16, 1.5e20, -0.0, 1e-7, 0.1, float("nan"), float("inf"), 2**70):
            await service.record(
                session, Actor.system(), "test.number", entity_type="test", after={"v": [value]}
            )
    _, admin = await top_admin(world)
    assert await verify(world, admin) == {"ok": True, "checked": 8, "first_bad_id": None}
    assert (await audit_rows(world.conn))[0]["prev_hash"] == GENESIS_HASH
    assert await audit_count(world.conn) == 8
