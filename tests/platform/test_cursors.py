"""Cursors are bounded in size and depth: a nested or huge cursor is a 422 problem on every list
endpoint, never a recursion error (500)."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from anjie.access.roles import Role
from anjie.config import Settings
from anjie.core.pagination import decode_cursor, encode_cursor
from anjie.main import create_app
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.platform.test_routes import RouteInfo


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# Deeper than the JSON decoder's recursion limit, yet within the cursor's length limit.
NESTED = _b64(b"[" * 1100 + b"]" * 1100)
DEEP_BUT_SHORT = _b64(b'["a",[["b"]]]')
HUGE = "A" * 60_000  # within what an HTTP client sends in a URL
OBJECT_INSIDE = _b64(b'["a",{"b":1}]')


def _query_names(dependant: Any) -> set[str]:
    """Every query parameter a route reads, query models' fields and dependencies included."""
    names: set[str] = set()
    for param in dependant.query_params:
        names.add(param.alias)
        names |= set(getattr(param.field_info.annotation, "model_fields", {}))
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


def _list_urls() -> list[str]:
    """The URL of every GET route that takes a cursor, read from the real app."""
    app = create_app(Settings(docs_enabled=False, log_json=False))
    assert isinstance(app, FastAPI)
    urls: list[str] = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or "GET" not in (context.methods or ()):
            continue
        if "cursor" not in _query_names(context.dependant):
            continue
        params = {p.name: p.field_info.annotation for p in context.dependant.path_params}
        info = RouteInfo("GET", str(context.path_format), frozenset(), False, params)
        urls.append(info.url())
    return urls


def _cursor_error(body: dict[str, Any]) -> bool:
    return any(
        item.get("code") == "cursor" or item.get("parameter", "").endswith("cursor")
        for item in body.get("errors", [])
    )


def test_the_walk_finds_the_lists() -> None:
    paths = set(_list_urls())
    # A sample that must be there; the walk finds the rest.
    assert {"/api/v1/users", "/api/v1/cases", "/api/v1/audit-events"} <= paths, paths
    assert len(paths) >= 10, paths


@pytest.mark.parametrize("cursor", [NESTED, HUGE, DEEP_BUT_SHORT, OBJECT_INSIDE])
async def test_bad_cursor_is_422_on_every_list(world: World, cursor: str) -> None:
    unit = await world.unit("清溪县司法局")
    everyone = await world.user(unit, *(r.value for r in Role))
    headers = world.auth(everyone)
    urls = _list_urls()
    for url in urls:
        response = await world.client.get(url, params={"cursor": cursor}, headers=headers)
        body = assert_problem(response, 422)
        assert _cursor_error(body), (url, body)


def test_decode_cursor_refuses_nesting_and_size() -> None:
    for cursor in (NESTED, HUGE, DEEP_BUT_SHORT, OBJECT_INSIDE):
        with pytest.raises(Exception) as caught:
            decode_cursor(cursor, 2)
        assert type(caught.value).__name__ == "ValidationFailed"
    # Our own cursors, brackets inside their strings included, still decode.
    key = ["[[[[", "2026-01-01T00:00:00+00:00", str(uuid.uuid4())]
    assert decode_cursor(encode_cursor(key), 3) == key
