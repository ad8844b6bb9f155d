"""Optimistic concurrency over HTTP: ETag out, If-Match in (428 without it, 412 when stale)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request, Response

from anjie.core.errors import PreconditionFailed, PreconditionRequired

ANY_VERSION = -1


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def if_match_version(request: Request) -> int:
    """The version the client last saw; callers compare it with the row locked FOR UPDATE."""
    return parse_if_match(request.headers.get("if-match"))


def parse_if_match(header: str | None) -> int:
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


_IF_MATCH = 'The `ETag` of the representation last read (`"3"`), or `*` for any version'
# Declared optional for FastAPI, whose own answer to a missing header would be a 422; the
# contract marks the required one required (anjie.main), and the route answers 428 without it.
_IfMatchHeader = Annotated[str | None, Header(alias="If-Match", description=_IF_MATCH)]


def required_if_match(if_match: _IfMatchHeader = None) -> int:
    """The version a change is based on: 428 without the header, 412 when it is malformed."""
    return parse_if_match(if_match)


def optional_if_match(if_match: _IfMatchHeader = None) -> int | None:
    """The same for actions that may be taken blind; when sent, a stale version is a 412."""
    return parse_if_match(if_match) if if_match else None


IfMatch = Annotated[int, Depends(required_if_match)]
OptionalIfMatch = Annotated[int | None, Depends(optional_if_match)]
