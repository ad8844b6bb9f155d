"""Prometheus metrics for HTTP traffic, exposed by GET /metrics.

Labels stay bounded: the route is the matched path template (`/api/v1/users/{user_id}`), never
the raw path, and unknown HTTP methods fold into one value. The objects live in the default
registry, which is per process; Prometheus sums the replicas.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from fastapi.routing import iter_route_contexts
from prometheus_client import Counter, Histogram
from starlette.types import Scope

UNMATCHED = "unmatched"
OTHER_METHOD = "OTHER"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "anjie_http_requests_total",
    "HTTP requests by method, matched route template and response status.",
    ("method", "route", "status"),
)
DURATION = Histogram(
    "anjie_http_request_duration_seconds",
    "HTTP request duration in seconds, by method and matched route template.",
    ("method", "route"),
)

# Per application: id(route object) -> full path template. FastAPI (>= 0.137) puts the route
# object of an included router in scope["route"], and its own `path` lacks the prefixes of the
# routers that include it (`/users/{user_id}` for `/api/v1/users/{user_id}`).
_TEMPLATES: WeakKeyDictionary[Any, dict[int, str]] = WeakKeyDictionary()


def _templates(app: Any) -> dict[int, str]:
    if app is None:
        return {}
    table = _TEMPLATES.get(app)
    if table is None:
        table = {}
        for context in iter_route_contexts(app.router.routes):
            template = context.path_format or context.path
            if isinstance(template, str):
                table.setdefault(id(context.original_route), template)
        _TEMPLATES[app] = table
    return table


def route_label(scope: Scope) -> str:
    """The matched route's full path template, or "unmatched" (404s, requests stopped early)."""
    route: Any = scope.get("route")
    if route is None:
        return UNMATCHED
    template = _templates(scope.get("app")).get(id(route))
    if template is None:
        template = getattr(route, "path_format", None) or getattr(route, "path", None)
    if not isinstance(template, str):
        return UNMATCHED
    return template or "/"


def method_label(scope: Scope) -> str:
    method = str(scope.get("method") or "").upper()
    return method if method in _METHODS else OTHER_METHOD


def observe(scope: Scope, status: int, seconds: float) -> None:
    """Count one finished HTTP request; status 0 means no response was started."""
    if scope.get("type") != "http":
        return
    method = method_label(scope)
    route = route_label(scope)
    REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    DURATION.labels(method=method, route=route).observe(max(seconds, 0.0))
