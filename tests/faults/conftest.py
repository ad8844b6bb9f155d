"""The fault suite's own PostgreSQL cluster: stopping it must not break the other tests, which
share the session's cluster. The app under test is built once and never restarted — recovering
without a restart is what the suite checks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import asyncpg
import httpx
import pytest

from anjie.cli import migrate
from anjie.config import Environment, Settings
from anjie.dev.devdb import Cluster, throwaway_cluster
from anjie.main import create_app
from tests.conftest import TEST_DB, _recreate


@dataclass
class Outage:
    """Stops and starts the suite's cluster, always on the port it had."""

    cluster: Cluster
    port: int
    url: str

    def stop(self) -> None:
        self.cluster.stop()

    def start(self) -> None:
        assert self.cluster.start(self.port, fast=True) == self.port

    async def connect(self) -> asyncpg.Connection:
        # A fresh connection each time: a long-lived one would not survive the outage.
        return await asyncpg.connect(self.url)

    async def clean(self) -> None:
        conn = await self.connect()
        try:
            tables = await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
            names = ", ".join(f'"{t["tablename"]}"' for t in tables)
            # As tests/conftest.py: replica mode skips the audit trail's TRUNCATE trigger.
            async with conn.transaction():
                await conn.execute("SET LOCAL session_replication_role = replica")
                await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        finally:
            await conn.close()


@pytest.fixture(scope="session")
def outage() -> Iterator[Outage]:
    cluster, server_url = throwaway_cluster()
    try:
        asyncio.run(_recreate(server_url))
        url = server_url.rsplit("/", 1)[0] + f"/{TEST_DB}"
        migrate(url)
        port = int(server_url.rsplit(":", 1)[1].split("/", 1)[0])
        yield Outage(cluster=cluster, port=port, url=url)
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def fault_settings(outage: Outage) -> Settings:
    return Settings(
        env=Environment.test,
        database_url=outage.url,  # type: ignore[arg-type]
        refresh_cookie_secure=False,
        docs_enabled=True,
        db_pool_size=5,
    )


@pytest.fixture(scope="session")
async def fault_app(fault_settings: Settings) -> AsyncIterator[object]:
    application = create_app(fault_settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def fault_client(fault_app: object, outage: Outage) -> AsyncIterator[httpx.AsyncClient]:
    outage.start()
    await outage.clean()
    transport = httpx.ASGITransport(
        app=fault_app,  # type: ignore[arg-type]
        raise_app_exceptions=False,
        client=("127.0.0.1", 40000),
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as c:
        yield c
    # A failed test must not leave the next one without its database.
    outage.start()
