"""Migration 0008_worker builds pgqueuer's tables as its installer would, and is reversible."""

from __future__ import annotations

import asyncio

import asyncpg

from tests.relief.test_standards import _alembic

SCRATCH = "anjie_worker_migration"
TABLES = (
    "SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_tables "
    "WHERE tablename LIKE 'pgqueuer%'"
)
EXPECTED = ["pgqueuer", "pgqueuer_log", "pgqueuer_schedules", "pgqueuer_statistics"]


async def test_the_worker_migration_is_reversible(database_url: str) -> None:
    server = database_url.replace("postgresql+asyncpg://", "postgresql://")
    scratch = server.rsplit("/", 1)[0] + f"/{SCRATCH}"
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{SCRATCH}"')
    finally:
        await conn.close()
    try:
        # Alembic's env runs its own event loop: keep it off this test's loop.
        await asyncio.to_thread(_alembic, scratch, "head")
        check = await asyncpg.connect(scratch)
        try:
            assert await check.fetchval(TABLES) == EXPECTED
            await asyncio.to_thread(_alembic, scratch, "0007_supervision", True)
            assert await check.fetchval(TABLES) is None
            assert (
                await check.fetchval(
                    "SELECT count(*) FROM pg_type WHERE typname = 'pgqueuer_status'"
                )
                == 0
            )
            await asyncio.to_thread(_alembic, scratch, "head")
            assert await check.fetchval(TABLES) == EXPECTED
        finally:
            await check.close()
    finally:
        conn = await asyncpg.connect(server)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')
        finally:
            await conn.close()
