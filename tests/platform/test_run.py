"""`make run` end to end: the `anjie run` command against a fresh database, twice, and the
embedded cluster's start/reuse/stop cycle in a scratch project folder."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from anjie.dev.demo import DEMO_PASSWORD, USERS
from anjie.dev.devdb import data_home, ensure_dev_cluster, free_port, stop_dev_cluster

RUN_DB = "anjie_run_test"


def _server_url(database_url: str, name: str = "postgres") -> str:
    return (
        database_url.replace("postgresql+asyncpg://", "postgresql://").rsplit("/", 1)[0]
        + f"/{name}"
    )


async def _recreate(server: str) -> None:
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{RUN_DB}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{RUN_DB}"')
    finally:
        await conn.close()


async def _count(url: str, sql: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


@pytest.fixture
def run_db(database_url: str) -> Iterator[str]:
    asyncio.run(_recreate(_server_url(database_url)))
    yield _server_url(database_url, RUN_DB)


def _start(url: str, port: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "ANJIE_DATABASE_URL": url,
        "ANJIE_PORT": str(port),
        "ANJIE_ENV": "dev",
        "ANJIE_LOG_JSON": "true",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "anjie.cli", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_ready(proc: subprocess.Popen[str], port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"anjie run exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError("anjie run did not become ready")


def _wait_worker(url: str, timeout: float = 60) -> None:
    """The worker beside the API has registered its per-minute schedule."""
    sql = "SELECT count(*) FROM pgqueuer_schedules WHERE entrypoint = 'deadline_tick'"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if asyncio.run(_count(url, sql)) == 1:
            return
        time.sleep(0.5)
    raise AssertionError("anjie run did not start the worker")


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out


def test_anjie_run_twice_serves_and_keeps_the_data(run_db: str) -> None:
    port = free_port()
    proc = _start(run_db, port)
    try:
        _wait_ready(proc, port)
        for user in USERS:
            response = httpx.post(
                f"http://127.0.0.1:{port}/api/v1/auth/token",
                data={
                    "grant_type": "password",
                    "username": user.username,
                    "password": DEMO_PASSWORD,
                },
                timeout=10,
            )
            assert response.status_code == 200, (user.username, response.text)
        home = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert home.status_code == 200 and "案结" in home.text
        _wait_worker(run_db)
    finally:
        first_output = _stop(proc)
    assert f"http://127.0.0.1:{port}/" in first_output
    assert "anjie-demo-2010" in first_output
    cases = asyncio.run(_count(run_db, "SELECT count(*) FROM petition_case"))
    # People's events: the worker started beside the API may add the system's steps meanwhile.
    people = "SELECT count(*) FROM audit_event WHERE actor_type <> 'system'"
    events = asyncio.run(_count(run_db, people))
    assert cases == 40
    statuses = asyncio.run(_count(run_db, "SELECT count(DISTINCT status) FROM petition_case"))
    assert statuses == 8

    proc = _start(run_db, port)
    try:
        _wait_ready(proc, port)
    finally:
        _stop(proc)
    assert asyncio.run(_count(run_db, "SELECT count(*) FROM petition_case")) == cases
    assert asyncio.run(_count(run_db, people)) == events


def test_embedded_cluster_starts_is_reused_and_stops(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    try:
        url = ensure_dev_cluster(project, name="scratch", port=free_port())
        pid_file = data_home(project, "scratch") / "data" / "postmaster.pid"
        first_pid = pid_file.read_text().split()[0]
        assert ensure_dev_cluster(project, name="scratch") == url
        assert pid_file.read_text().split()[0] == first_pid
        assert asyncio.run(_count(url, "SELECT 1")) == 1
        assert (project / ".devdb" / "scratch").exists()
    finally:
        assert stop_dev_cluster(project, name="scratch")
        shutil.rmtree(data_home(project, "scratch"), ignore_errors=True)
    assert not stop_dev_cluster(project, name="scratch")


def test_embedded_cluster_restarts_on_the_port_it_had(tmp_path: Path) -> None:
    """`anjie db stop && anjie db start` (issue 14, finding 9): a cluster that had to take
    another port because the usual one was busy comes back on that same port, so a running
    API's URL stays right and its pool reconnects."""
    project = tmp_path / "project"
    project.mkdir()
    usual = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", usual))
        busy.listen()
        try:
            url = ensure_dev_cluster(project, name="scratch", port=usual)
            assert f":{usual}/" not in url
            assert stop_dev_cluster(project, name="scratch")
            assert ensure_dev_cluster(project, name="scratch", port=usual) == url
            assert asyncio.run(_count(url, "SELECT 1")) == 1
        finally:
            stop_dev_cluster(project, name="scratch")
            shutil.rmtree(data_home(project, "scratch"), ignore_errors=True)
