"""Running the worker: pgqueuer's scheduler calls one tick a minute.

pgqueuer rather than procrastinate: pgqueuer speaks asyncpg, which the project already uses,
while procrastinate needs psycopg 3, a second PostgreSQL driver. Its schedule row (table
`pgqueuer_schedules`, migration 0008_worker) is taken with FOR UPDATE SKIP LOCKED, so with
several worker replicas one of them runs each minute's tick; and should two ever run one, the
tick's own unique keys keep every effect single (worker/service.py).

The worker has its own `Database` (engine and event bus), like an API process, and one asyncpg
connection for pgqueuer.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from contextlib import suppress

import asyncpg
from pgqueuer import PgQueuer
from pgqueuer.models import Schedule

from anjie.config import Settings
from anjie.core.db import Database
from anjie.notifications.channels import configured
from anjie.worker.service import TickResult, tick

log = logging.getLogger("anjie.worker")
ENTRYPOINT = "deadline_tick"
EVERY_MINUTE = "* * * * *"


def _dsn(settings: Settings) -> str:
    assert settings.database_url is not None
    return settings.database_url.get_secret_value().replace(
        "postgresql+asyncpg://", "postgresql://"
    )


async def run_once(db: Database, settings: Settings) -> TickResult:
    return await tick(db.sessionmaker, channels=configured(settings))


async def run_forever(db: Database, settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Tick every minute until `stop` is set (or SIGINT / SIGTERM). The caller owns `db` (built
    with the composition root's event bus, which this layer may not import)."""
    channels = configured(settings)
    connection = await asyncpg.connect(_dsn(settings))
    pgq = PgQueuer.from_asyncpg_connection(connection)

    @pgq.schedule(ENTRYPOINT, EVERY_MINUTE)
    async def deadline_tick(schedule: Schedule) -> None:
        await tick(db.sessionmaker, channels=channels)

    stopping = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stopping.set)

    async def _stop_when_asked() -> None:
        await stopping.wait()
        pgq.shutdown.set()

    watcher = asyncio.create_task(_stop_when_asked())
    log.info("worker started", extra={"schedule": EVERY_MINUTE})
    try:
        # The scheduler alone: the worker enqueues no jobs, so no queue consumer runs.
        await pgq.sm.run()
    finally:
        watcher.cancel()
        with suppress(Exception):
            await connection.close()
        log.info("worker stopped")
