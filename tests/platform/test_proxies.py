"""Proxy headers are believed only from ANJIE_TRUSTED_PROXIES: served by uvicorn with the options
`anjie serve` uses, a direct client's forged X-Forwarded-For reaches neither the audit trail nor
the per-IP sign-in limit."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import httpx
import uvicorn

from anjie.cli import proxy_options
from anjie.config import Settings

FORGED = "203.0.113.99"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def _served(app: object, trusted: str) -> AsyncIterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
        **proxy_options(trusted),  # type: ignore[arg-type]
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # uvicorn has no start event; it flips `started` when listening
        if server.started:
            break
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def _failed_login_ip(base: str, conn: asyncpg.Connection) -> str:
    async with httpx.AsyncClient(base_url=base) as client:
        response = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "nobody", "password": "wrong-password"},
            headers={"X-Forwarded-For": FORGED, "X-Forwarded-Proto": "https"},
        )
    assert response.status_code == 401, response.text
    ip = await conn.fetchval("SELECT ip FROM login_attempt ORDER BY id DESC LIMIT 1")
    audited = await conn.fetchval(
        "SELECT ip FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1"
    )
    assert audited == ip
    return str(ip)


def test_no_proxy_is_trusted_by_default() -> None:
    assert Settings().trusted_proxies == ""
    assert proxy_options("") == {"proxy_headers": False, "forwarded_allow_ips": ""}
    assert proxy_options(" 172.31.250.0/24 , 10.0.0.2") == {
        "proxy_headers": True,
        "forwarded_allow_ips": "172.31.250.0/24,10.0.0.2",
    }


async def test_a_direct_clients_forged_address_is_ignored(
    app: object, clean_db: None, admin_conn: asyncpg.Connection
) -> None:
    async with _served(app, "") as base:
        assert await _failed_login_ip(base, admin_conn) == "127.0.0.1"


async def test_a_configured_proxy_is_believed(
    app: object, clean_db: None, admin_conn: asyncpg.Connection
) -> None:
    async with _served(app, "127.0.0.1") as base:
        assert await _failed_login_ip(base, admin_conn) == FORGED
