"""Shared checks for RFC 9457 problem+json responses and the audit trail, used by the API tests."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

PROBLEM_MEMBERS = {"type", "title", "status", "detail", "code", "request_id"}


def assert_problem(
    response: httpx.Response, status: int, code: str | None = None
) -> dict[str, Any]:
    """The response is a problem+json of `status` (and `code`), carrying its request id."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body: dict[str, Any] = response.json()
    assert body.keys() >= PROBLEM_MEMBERS, body
    assert body["status"] == status
    assert body["type"].startswith("https://"), body
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    request_id = response.headers.get("x-request-id")
    assert request_id and body["request_id"] == request_id, (body, response.headers)
    assert "Traceback" not in response.text
    if code is not None:
        assert body["code"] == code, body
    return body


def pointers(body: dict[str, Any]) -> list[str]:
    return [item["pointer"] for item in body.get("errors", [])]


async def last_audit_id(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT coalesce(max(id), 0) FROM audit_event"))


async def audit_since(conn: asyncpg.Connection, after_id: int) -> list[asyncpg.Record]:
    return list(
        await conn.fetch(
            "SELECT id, action, entity_type, entity_id, before::text AS before, "
            "after::text AS after FROM audit_event WHERE id > $1 ORDER BY id",
            after_id,
        )
    )


async def assert_one_audit(
    conn: asyncpg.Connection, after_id: int, action: str, entity_id: object
) -> asyncpg.Record:
    """Exactly one event was written since `after_id`, of `action`, about `entity_id`."""
    rows = await audit_since(conn, after_id)
    assert [r["action"] for r in rows] == [action], [dict(r) for r in rows]
    assert rows[0]["entity_id"] == str(entity_id)
    return rows[0]


async def assert_no_secrets_in_audit(conn: asyncpg.Connection, *secrets: str) -> None:
    """No audit row's before/after mentions a password, or any password hash."""
    rows = await conn.fetch("SELECT before::text AS b, after::text AS a FROM audit_event")
    for row in rows:
        text = f"{row['b']} {row['a']}"
        assert "argon2" not in text, text
        assert "password_hash" not in text, text
        for secret in secrets:
            assert secret not in text, text
