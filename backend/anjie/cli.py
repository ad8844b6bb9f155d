"""The `anjie` command: database, migrations, demo data, OpenAPI contract, server."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
OPENAPI_FILE = PROJECT_DIR / "openapi" / "openapi.json"
# The role → permission map, for the web app to hide what a role can never do; generated beside
# the typed client so the frontend never restates it (the server decides either way).
PERMISSIONS_FILE = PROJECT_DIR / "frontend" / "src" / "api" / "role-permissions.json"
# Every enum's zh-CN and English labels, so the web app's labels are the server's (meta/export.py).
ENUM_LABELS_FILE = PROJECT_DIR / "frontend" / "src" / "api" / "enum-labels.json"


def _database_url() -> str:
    from anjie.config import get_settings

    settings = get_settings()
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return _start_dev_db()


def _start_dev_db() -> str:
    from anjie.dev.devdb import ensure_dev_cluster

    url = ensure_dev_cluster(PROJECT_DIR)
    asyncio.run(_create_database(url, "anjie"))
    return url.rsplit("/", 1)[0] + "/anjie"


async def _create_database(server_url: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(server_url)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(Path(__file__).parent / "migrations" / "alembic.ini"))
    config.attributes["url"] = url
    command.upgrade(config, "head")


async def _seed_demo(url: str) -> int:
    from anjie import wiring
    from anjie.config import get_settings
    from anjie.core.crypto import PiiCipher
    from anjie.core.db import Database
    from anjie.dev import demo, demo_cases
    from anjie.worker.service import tick

    db = Database(url, events=wiring.event_bus(), pool_size=1)
    try:
        async with db.sessionmaker() as session, session.begin():
            added = await demo.load(session)
        async with db.sessionmaker() as session, session.begin():
            added += await demo_cases.load(session, PiiCipher.from_settings(get_settings()))
        if added:
            # The demo's deadlines were opened on its 2010 calendar: one tick at today's clock
            # marks, escalates and reviews them as the running worker would within a minute.
            await tick(db.sessionmaker)
        return added
    finally:
        await db.dispose()


def openapi_document() -> str:
    from anjie.config import Settings
    from anjie.main import create_app

    app = create_app(Settings(docs_enabled=False, log_json=False))
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def proxy_options(trusted_proxies: str) -> dict[str, object]:
    """uvicorn's proxy-header options: forwarded headers only from the configured proxies
    (uvicorn alone would believe any client on 127.0.0.1, i.e. every client of `anjie run`)."""
    trusted = ",".join(p.strip() for p in trusted_proxies.split(",") if p.strip())
    if not trusted:
        return {"proxy_headers": False, "forwarded_allow_ips": ""}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


def _serve(url: str) -> None:
    import uvicorn

    from anjie.config import get_settings

    os.environ["ANJIE_DATABASE_URL"] = url
    get_settings.cache_clear()
    settings = get_settings()
    uvicorn.run(
        "anjie.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        **proxy_options(settings.trusted_proxies),  # type: ignore[arg-type]
    )


def _worker(url: str, *, once: bool) -> int:
    from anjie import wiring
    from anjie.config import get_settings
    from anjie.core.db import Database
    from anjie.core.logging import configure
    from anjie.worker import runner

    os.environ["ANJIE_DATABASE_URL"] = url
    get_settings.cache_clear()
    settings = get_settings()
    configure(settings.log_level, json_lines=settings.log_json)

    async def work() -> None:
        db = Database(url, events=wiring.event_bus(), pool_size=2)
        try:
            if once:
                result = await runner.run_once(db, settings)
                print(f"worker tick: {result.total} steps, {result.delivered} delivered")
            else:
                await runner.run_forever(db, settings)
        finally:
            await db.dispose()

    asyncio.run(work())
    return 0


def _serve_with_worker(url: str) -> None:
    """The worker as a child process beside the API, stopped with it. A process, not a task in
    the server: it is the same `anjie worker` that production runs as its own service, the API
    process stays what uvicorn makes of it, and a worker that dies does not take the API down."""
    import signal
    import subprocess

    env = {**os.environ, "ANJIE_DATABASE_URL": url}
    worker = subprocess.Popen([sys.executable, "-m", "anjie.cli", "worker"], env=env)
    try:
        _serve(url)
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="anjie", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    db = sub.add_parser("db", help="the embedded development cluster")
    db.add_argument("action", choices=["start", "stop", "url"])
    sub.add_parser("migrate", help="apply database migrations")
    seed = sub.add_parser("seed", help="load data")
    seed.add_argument("what", choices=["demo", "synthetic"])
    seed.add_argument("--cases", type=int, default=100_000, help="synthetic cases to add")
    api = sub.add_parser("openapi", help="write or check openapi/openapi.json")
    api.add_argument("--check", action="store_true")
    sub.add_parser("serve", help="serve the API (and the SPA build)")
    sub.add_parser("run", help="database, migrations, demo data, then serve (and the worker)")
    worker = sub.add_parser("worker", help="the deadline worker: a tick every minute")
    worker.add_argument("--once", action="store_true", help="run one tick and exit")
    args = parser.parse_args(argv)

    if args.command == "db":
        if args.action == "stop":
            from anjie.dev.devdb import stop_dev_cluster

            print("stopped" if stop_dev_cluster(PROJECT_DIR) else "not running")
        else:
            print(_start_dev_db())
        return 0
    if args.command == "migrate":
        migrate(_database_url())
        return 0
    if args.command == "seed":
        from anjie.config import get_settings

        if not get_settings().is_dev:
            print("demo data is for development only (ANJIE_ENV=dev)", file=sys.stderr)
            return 2
        url = _database_url()
        if args.what == "synthetic":
            from anjie.dev.synthetic import generate

            if not 1 <= args.cases <= 2_000_000:
                print("--cases must be between 1 and 2 000 000", file=sys.stderr)
                return 2
            asyncio.run(_seed_demo(url))
            added = asyncio.run(generate(url, get_settings(), args.cases))
            print(f"synthetic data: {added} cases added")
            return 0
        print(f"demo data: {asyncio.run(_seed_demo(url))} rows added")
        return 0
    if args.command == "openapi":
        from anjie.meta.export import enum_labels_document, role_permissions_document

        generated = {
            OPENAPI_FILE: openapi_document(),
            PERMISSIONS_FILE: role_permissions_document(),
            ENUM_LABELS_FILE: enum_labels_document(),
        }
        if args.check:
            stale = [
                path.relative_to(PROJECT_DIR)
                for path, text in generated.items()
                if (path.read_text() if path.exists() else "") != text
            ]
            for path in stale:
                print(f"{path} is stale: run `make openapi`", file=sys.stderr)
            if stale:
                return 1
            print("openapi/openapi.json, the role permissions and the enum labels are current")
            return 0
        for path, text in generated.items():
            path.parent.mkdir(exist_ok=True)
            path.write_text(text)
            print(f"wrote {path.relative_to(PROJECT_DIR)}")
        return 0
    url = _database_url()
    if args.command == "worker":
        return _worker(url, once=args.once)
    if args.command == "run":
        from anjie.config import get_settings
        from anjie.dev import demo

        migrate(url)
        settings = get_settings()
        if settings.is_dev:
            asyncio.run(_seed_demo(url))
        print(f"\nAnjie 案结 is at http://{settings.host}:{settings.port}/")
        print(f"API docs: http://{settings.host}:{settings.port}/api/v1/docs")
        if settings.is_dev:
            names = ", ".join(u.username for u in demo.USERS)
            print(f"Demo accounts: {names} — password {demo.DEMO_PASSWORD}\n", flush=True)
        if settings.run_worker:
            _serve_with_worker(url)
            return 0
    _serve(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
