"""Benchmark: case lists, search, detail and timeline on a seeded data set.

Starts a throwaway PostgreSQL (or uses ANJIE_BENCH_DATABASE_URL, whose `anjie_bench` database
it recreates), loads the demo bureau plus N synthetic cases, then times requests through the
app in-process (httpx ASGI transport) as the bureau leader, who sees every case. Prints median
and 95th-percentile latency per scenario and the SQL statements each request ran.

    make bench            # 100 000 cases
    .venv/bin/python benchmarks/cases_list.py --cases 20000 --repeat 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg
import httpx
from sqlalchemy import event

from anjie.cli import _seed_demo, migrate
from anjie.config import Environment, Settings
from anjie.core.security import issue_access_token
from anjie.dev.demo import demo_id
from anjie.dev.devdb import throwaway_cluster
from anjie.dev.synthetic import generate
from anjie.main import create_app

DB = "anjie_bench"


async def _recreate(server: str) -> None:
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DB}"')
    finally:
        await conn.close()


@contextmanager
def _database() -> Iterator[str]:
    given = os.environ.get("ANJIE_BENCH_DATABASE_URL")
    cluster = None
    if given:
        server = given
    else:
        cluster, server = throwaway_cluster()
    try:
        asyncio.run(_recreate(server))
        yield server.rsplit("/", 1)[0] + f"/{DB}"
    finally:
        if cluster is not None:
            cluster.destroy()


async def _bench(url: str, repeat: int) -> None:
    settings = Settings(env=Environment.dev, database_url=url, log_level="WARNING")  # type: ignore[arg-type]
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        statements = 0

        def count(*_: object) -> None:
            nonlocal statements
            statements += 1

        event.listen(app.state.db.engine.sync_engine, "before_cursor_execute", count)
        token, _ = issue_access_token(
            settings, subject=str(demo_id("user:leader")), token_version=1
        )
        headers = {"Authorization": f"Bearer {token}"}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            first = (await client.get("/api/v1/cases?limit=1", headers=headers)).json()
            case_id = first["items"][0]["id"]
            page = (await client.get("/api/v1/cases?limit=50", headers=headers)).json()
            cursor = page["next_cursor"]
            scenarios = {
                "list 50 (newest first)": "/api/v1/cases?limit=50",
                "list 200": "/api/v1/cases?limit=200",
                "list page 2 (cursor)": f"/api/v1/cases?limit=50&cursor={cursor}",
                "filter status+category": (
                    "/api/v1/cases?limit=50&status=resolving&category=notarisation"
                ),
                "filter three-cross flag": "/api/v1/cases?limit=50&three_cross_flag=cross_region",
                "search 公证 (substring)": "/api/v1/cases?limit=50&q=公证",
                "search 王德明 (name)": "/api/v1/cases?limit=50&q=王德明",
                "sort by registered_on": "/api/v1/cases?limit=50&sort=registered_on",
                "case detail": f"/api/v1/cases/{case_id}",
                "case timeline": f"/api/v1/cases/{case_id}/timeline",
                "audit events 50": "/api/v1/audit-events?limit=50",
                "report summary (dashboard)": "/api/v1/reports/summary",
                "nearest deadlines 20": "/api/v1/reports/deadlines?limit=20",
            }
            print(f"{'scenario':32} {'median ms':>10} {'p95 ms':>8} {'SQL':>4} {'rows':>5}")
            for name, path in scenarios.items():
                timings = []
                rows = 0
                for _ in range(repeat):
                    statements = 0
                    started = time.perf_counter()
                    response = await client.get(path, headers=headers)
                    timings.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (path, response.text[:300])
                    body = response.json()
                    rows = len(body["items"]) if isinstance(body, dict) and "items" in body else 1
                timings.sort()
                p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
                print(
                    f"{name:32} {statistics.median(timings):10.1f} {p95:8.1f}"
                    f" {statements:4d} {rows:5d}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with _database() as url:
        migrate(url)
        started = time.perf_counter()
        asyncio.run(_seed_demo(url))
        settings = Settings(env=Environment.dev, database_url=url)  # type: ignore[arg-type]
        asyncio.run(generate(url, settings, args.cases))
        print(
            f"seeded demo + {args.cases} synthetic cases in {time.perf_counter() - started:.0f} s"
        )
        asyncio.run(_bench(url, args.repeat))


if __name__ == "__main__":
    main()
