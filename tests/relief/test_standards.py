"""The wage standards (reference data), the relief vocabulary, and the migration's way back."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import asyncpg
import pytest

import anjie
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.relief.support import STANDARDS, relief_scene


async def test_admin_enters_a_standard_everyone_reads_it(world: World) -> None:
    r = await relief_scene(world, wage_2025=None)
    officer = r.s.officer
    url = f"{STANDARDS}/51/2025"
    assert_problem(
        await world.client.get(url, headers=world.auth(officer)),
        404,
        "relief_wage_standard_not_found",
    )
    response = await r.standard(2025, "8765.43")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["average_monthly_wage"], body["multiple"], body["cap"]) == (
        "8765.43",
        36,
        "315555.48",
    )
    assert body["entered_by"]["id"] == str(r.admin.id)
    read = await world.client.get(url, headers=world.auth(officer))
    assert read.status_code == 200 and read.json()["cap"] == "315555.48"

    corrected = (await r.standard(2025, "9000", multiple=30)).json()
    assert (corrected["average_monthly_wage"], corrected["cap"]) == ("9000.00", "270000.00")
    rows = await world.conn.fetch(
        "SELECT before::text AS before, after::text AS after, entity_id FROM audit_event "
        "WHERE action = 'relief.wage_standard_put' ORDER BY id"
    )
    assert [row["entity_id"] for row in rows] == ["51-2025", "51-2025"]
    assert json.loads(rows[1]["before"]) == {"average_monthly_wage": "8765.43", "multiple": 36}
    assert json.loads(rows[1]["after"])["cap"] == "270000.00"


async def test_only_reference_writers_enter_standards(world: World) -> None:
    r = await relief_scene(world, wage_2025=None)
    for user in (r.s.leader, r.s.office, r.s.officer):
        response = await world.client.put(
            f"{STANDARDS}/51/2025",
            json={"average_monthly_wage": "1.00"},
            headers=world.auth(user),
        )
        assert_problem(response, 403, "forbidden")
    assert await world.conn.fetchval("SELECT count(*) FROM relief_wage_standard") == 0


@pytest.mark.parametrize(
    ("path", "body", "where"),
    [
        ("51/2025", {"average_monthly_wage": "0"}, "#/average_monthly_wage"),
        ("51/2025", {"average_monthly_wage": "NaN"}, "#/average_monthly_wage"),
        ("51/2025", {"average_monthly_wage": "1.001"}, "#/average_monthly_wage"),
        ("51/2025", {"average_monthly_wage": "100", "multiple": 0}, "#/multiple"),
        ("5/2025", {"average_monthly_wage": "100"}, "#"),
        ("51/1999", {"average_monthly_wage": "100"}, "#"),
    ],
)
async def test_bad_standards_are_422(world: World, path: str, body: object, where: str) -> None:
    r = await relief_scene(world, wage_2025=None)
    response = await world.client.put(f"{STANDARDS}/{path}", json=body, headers=world.auth(r.admin))
    assert pointers(assert_problem(response, 422)) == [where]


async def test_relief_vocabulary_has_labels(world: World) -> None:
    r = await relief_scene(world, wage_2025=None)
    enums = (await world.client.get("/api/v1/meta/enums", headers=world.auth(r.s.officer))).json()
    steps = {item["value"]: item["zh-CN"] for item in enums["relief_step"]}
    assert steps["rejected"] == "不予救助" and steps["notified"] == "已告知"
    assert [item["value"] for item in enums["relief_kind"]] == [
        "hardship",
        "medical",
        "education",
        "funeral",
        "other",
    ]


def _alembic(url: str, target: str, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(Path(anjie.__file__).parent / "migrations" / "alembic.ini"))
    config.attributes["url"] = url
    (command.downgrade if down else command.upgrade)(config, target)


async def test_the_migration_is_reversible(database_url: str) -> None:
    """Upgrade, downgrade below relief and upgrade again, in a database of its own."""
    server = database_url.replace("postgresql+asyncpg://", "postgresql://")
    scratch = server.rsplit("/", 1)[0] + "/anjie_relief_migration"
    conn = await asyncpg.connect(server)
    try:
        await conn.execute('DROP DATABASE IF EXISTS "anjie_relief_migration" WITH (FORCE)')
        await conn.execute('CREATE DATABASE "anjie_relief_migration"')
    finally:
        await conn.close()
    tables = (
        "SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_tables "
        "WHERE tablename LIKE 'relief%'"
    )
    try:
        # Alembic's env runs its own event loop: keep it off this test's loop.
        await asyncio.to_thread(_alembic, scratch, "head")
        check = await asyncpg.connect(scratch)
        try:
            expected = ["relief_application", "relief_step", "relief_wage_standard"]
            assert await check.fetchval(tables) == expected
            await asyncio.to_thread(_alembic, scratch, "0004_hearings", True)
            assert await check.fetchval(tables) is None
            await asyncio.to_thread(_alembic, scratch, "head")
            assert await check.fetchval(tables) == expected
        finally:
            await check.close()
    finally:
        conn = await asyncpg.connect(server)
        try:
            await conn.execute('DROP DATABASE IF EXISTS "anjie_relief_migration" WITH (FORCE)')
        finally:
            await conn.close()
