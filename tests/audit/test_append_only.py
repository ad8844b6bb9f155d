"""The trail is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused.

In tests the app connects as the same superuser as `admin_conn`, so these exercise the triggers
directly, both over a plain connection and through the application's own engine.
"""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.audit.helpers import audit_rows, create_unit, top_admin
from tests.factories import World

REFUSED = (
    "UPDATE audit_event SET action = 'x'",
    "UPDATE audit_event SET reason = 'rewritten' WHERE id = 1",
    "DELETE FROM audit_event",
    "DELETE FROM audit_event WHERE id = 1",
    "TRUNCATE audit_event",
    "TRUNCATE audit_event RESTART IDENTITY CASCADE",
    "INSERT INTO audit_event SELECT * FROM audit_event WHERE id = 1 "
    "ON CONFLICT (id) DO UPDATE SET action = 'x'",
)


async def _history(world: World) -> list[asyncpg.Record]:
    province, admin = await top_admin(world)
    for code in ("A1", "A2", "A3"):
        assert (await create_unit(world, admin, province, code, kind="city")).status_code == 201
    rows = await audit_rows(world.conn)
    assert len(rows) == 3
    return rows


@pytest.mark.parametrize("statement", REFUSED)
async def test_rewriting_history_is_refused_and_changes_nothing(
    world: World, statement: str
) -> None:
    before = await _history(world)
    with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError, match="append-only"):
        await world.conn.execute(statement)
    assert await audit_rows(world.conn) == before


async def test_the_application_connection_is_refused_too(world: World, app: Any) -> None:
    before = await _history(world)
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        async with app.state.db.sessionmaker() as session:
            with pytest.raises(DBAPIError, match="append-only"):
                async with session.begin():
                    await session.execute(text(statement))
    assert await audit_rows(world.conn) == before


async def test_the_triggers_are_installed_and_enabled(admin_conn: asyncpg.Connection) -> None:
    rows = await admin_conn.fetch(
        "SELECT tgname, tgenabled::text AS tgenabled FROM pg_trigger "
        "WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal ORDER BY tgname"
    )
    assert {r["tgname"]: r["tgenabled"] for r in rows} == {
        "audit_event_no_truncate": "O",
        "audit_event_no_update_delete": "O",
    }


async def test_appending_still_works(world: World) -> None:
    """The triggers refuse rewrites, not the inserts every write depends on."""
    rows = await _history(world)
    assert [r["action"] for r in rows] == ["org_unit.create"] * 3
