"""Shared helpers for the auth tests: requests against the token endpoints and the checks every
problem response must pass."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx

from tests.factories import PASSWORD

TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/auth/me"
LOGOUT_URL = "/api/v1/auth/logout"
PASSWORD_URL = "/api/v1/auth/password"
PROBLEM_JSON = "application/problem+json"
REFRESH_COOKIE = "anjie_refresh"

MoveClock = Callable[[datetime], None]
COOKIE_PATH = "/api/v1/auth"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """An RFC 9457 body with a stable code and the request id the response carries."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].split(";")[0].strip() == PROBLEM_JSON
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code, body
    assert body["title"] and body["detail"]
    assert body["type"].endswith(code.replace("_", "-"))
    assert body["request_id"] and body["request_id"] == response.headers["x-request-id"]
    return body


def assert_unauthorized(response: httpx.Response, code: str = "token_invalid") -> dict[str, Any]:
    body = assert_problem(response, 401, code)
    assert response.headers["www-authenticate"].lower().startswith("bearer")
    return body


async def password_login(
    client: httpx.AsyncClient,
    username: str,
    password: str = PASSWORD,
    **extra: str,
) -> httpx.Response:
    data = {"grant_type": "password", "username": username, "password": password, **extra}
    return await client.post(TOKEN_URL, data=data)


async def refresh_grant(
    client: httpx.AsyncClient, token: str | None = None, *, cookie: str | None = None
) -> httpx.Response:
    """A refresh grant with the token in the form body, or in the cookie the SPA would send."""
    client.cookies.clear()
    data = {"grant_type": "refresh_token"}
    if token is not None:
        data["refresh_token"] = token
    headers = {"Cookie": f"{REFRESH_COOKIE}={cookie}"} if cookie is not None else {}
    response = await client.post(TOKEN_URL, data=data, headers=headers)
    client.cookies.clear()
    return response


def refresh_cookies(response: httpx.Response) -> list[tuple[str, dict[str, str]]]:
    """Every Set-Cookie for the refresh cookie: (value, {lower-case attribute: value})."""
    found: list[tuple[str, dict[str, str]]] = []
    for header in response.headers.get_list("set-cookie"):
        first, *rest = (part.strip() for part in header.split(";"))
        name, _, value = first.partition("=")
        if name != REFRESH_COOKIE:
            continue
        attrs = {}
        for part in rest:
            key, _, attr_value = part.partition("=")
            attrs[key.lower()] = attr_value
        found.append((value, attrs))
    return found


async def audit_rows(conn: asyncpg.Connection, action: str) -> list[dict[str, Any]]:
    """The audit events of one action, oldest first, each row with its full JSON text."""
    rows = await conn.fetch(
        "SELECT e.*, row_to_json(e)::text AS as_text FROM audit_event e "
        "WHERE action = $1 ORDER BY id",
        action,
    )
    return [dict(row) for row in rows]


def as_json(value: object) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
