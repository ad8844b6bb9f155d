"""Prometheus metrics: requests counted by method, route template and status."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.routing import iter_route_contexts
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from anjie.core import metrics
from tests.factories import World

USER_ROUTE = "/api/v1/users/{user_id}"


def _count(labels: dict[str, str]) -> float:
    return REGISTRY.get_sample_value("anjie_http_requests_total", labels) or 0.0


def _route(app: Any, template: str) -> Any:
    for context in iter_route_contexts(app.router.routes):
        if context.path_format == template:
            return context.original_route
    raise AssertionError(f"no route {template}")


def test_observe_labels_with_the_full_route_template(app: Any) -> None:
    route = _route(app, USER_ROUTE)
    # What FastAPI puts in scope["route"] lacks the /api/v1 prefix of the including router.
    assert route.path == "/users/{user_id}"
    scope = {"type": "http", "method": "GET", "path": "/api/v1/users/x", "app": app, "route": route}
    labels = {"method": "GET", "route": USER_ROUTE, "status": "200"}
    before = _count(labels)
    duration_before = (
        REGISTRY.get_sample_value(
            "anjie_http_request_duration_seconds_count", {"method": "GET", "route": USER_ROUTE}
        )
        or 0.0
    )
    metrics.observe(scope, 200, 0.02)
    assert _count(labels) == before + 1
    assert (
        REGISTRY.get_sample_value(
            "anjie_http_request_duration_seconds_count", {"method": "GET", "route": USER_ROUTE}
        )
        == duration_before + 1
    )


def test_observe_bounds_labels_for_unmatched_paths_and_odd_methods(app: Any) -> None:
    unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
    before = _count(unmatched)
    metrics.observe({"type": "http", "method": "GET", "path": "/x/123", "app": app}, 404, 0.001)
    assert _count(unmatched) == before + 1

    odd = {"method": "OTHER", "route": "unmatched", "status": "405"}
    before = _count(odd)
    metrics.observe({"type": "http", "method": "BREW", "path": "/pot", "app": app}, 405, 0.001)
    assert _count(odd) == before + 1

    # Only HTTP requests count; lifespan events and websockets do not.
    idle = {"method": "OTHER", "route": "unmatched", "status": "0"}
    before = _count(idle)
    metrics.observe({"type": "lifespan", "app": app}, 0, 0.0)
    metrics.observe({"type": "websocket", "path": "/ws", "app": app}, 0, 0.0)
    assert _count(idle) == before


async def _scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


def _sample(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


async def test_a_request_shows_up_in_metrics_under_its_route_template(world: World) -> None:
    unit = await world.unit("四川省司法厅", kind="province")
    admin = await world.user(unit, "admin")
    labels = {"method": "GET", "route": USER_ROUTE, "status": "200"}
    before = _sample(await _scrape(world.client), "anjie_http_requests_total", **labels)

    response = await world.client.get(f"/api/v1/users/{admin.id}", headers=world.auth(admin))
    assert response.status_code == 200, response.text
    assert (await world.client.get(f"/api/v1/no-such-thing/{admin.id}")).status_code == 404

    text = await _scrape(world.client)
    assert _sample(text, "anjie_http_requests_total", **labels) == before + 1
    assert _sample(text, "anjie_http_requests_total", route="unmatched", status="404") >= 1
    assert (
        _sample(text, "anjie_http_request_duration_seconds_count", method="GET", route=USER_ROUTE)
        >= 1
    )
    # Raw paths never become labels: that would be one time series per user.
    assert str(admin.id) not in text
