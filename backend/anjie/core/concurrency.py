"""Optimistic concurrency over HTTP: ETag out, If-Match in (428 without it, 412 when stale)."""

from __future__ import annotations

from fastapi import Request, Response

from anjie.core.errors import PreconditionFailed, PreconditionRequired

ANY_VERSION = -1


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def if_match_version(request: Request) -> int:
    """The version the client last saw; callers compare it with the row locked FOR UPDATE."""
    header = request.headers.get("if-match")
    if not header:
        raise PreconditionRequired()
    value = header.strip()
    if value == "*":
        # RFC 9110: "*" matches any current representation; the client opts out knowingly.
        return ANY_VERSION
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or len(value) > 18:
        raise PreconditionFailed()
    return int(value)


def check_version(expected: int, actual: int) -> None:
    if expected != ANY_VERSION and expected != actual:
        raise PreconditionFailed()
