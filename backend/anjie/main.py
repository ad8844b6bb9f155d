"""Application factory: `uvicorn anjie.main:create_app --factory`."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import Scope

from anjie import wiring
from anjie.access.dependencies import Authorize, current_principal
from anjie.api import api_router
from anjie.checkins.dependencies import visit_key
from anjie.config import Settings, get_settings
from anjie.core import logging as app_logging
from anjie.core import problems
from anjie.core.concurrency import optional_if_match, required_if_match
from anjie.core.crypto import PiiCipher
from anjie.core.db import Database, SessionDep
from anjie.core.events import EventBus
from anjie.core.middleware import MaskFreeText, RequestContextMiddleware
from anjie.idempotency.dependencies import optional_idempotency, required_idempotency
from anjie.meta.endpoints import health_router

MAX_JSON_BYTES = 2 * 1024 * 1024
DESCRIPTION = (
    "案结 Anjie — case system for clearing backlogged law- and litigation-related petition "
    "cases. Errors are RFC 9457 problem+json; lists use keyset pagination."
)


def _operation_id(route: APIRoute) -> str:
    return route.name


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer", "minimum": 0}}
}
# One shared response per status, each a `Problem`: (component name, description).
_STATUS_TEXT = {
    400: ("BadRequest", "A header the route needs is missing or malformed"),
    401: ("Unauthorized", "No valid access token"),
    403: ("Forbidden", "The caller's roles lack the route's permission"),
    404: ("NotFound", "Not found, or outside what the caller may see"),
    409: ("Conflict", "Conflicts with the current state or with a concurrent request"),
    412: ("PreconditionFailed", "`If-Match` names a version that is no longer current"),
    413: ("PayloadTooLarge", "The body is too large"),
    415: ("UnsupportedMediaType", "The file's type is not allowed"),
    422: ("ValidationFailed", "Validation failed (`errors` points at each field)"),
    428: ("PreconditionRequired", "`If-Match` is required"),
    429: ("TooManyRequests", "Too many attempts (see `Retry-After`)"),
    503: ("ServiceUnavailable", "The database is unreachable; retry later (see `Retry-After`)"),
}
# Operations whose service throttles the caller (docs/architecture.md: counters in PostgreSQL).
_THROTTLED = frozenset({"issueToken", "changePassword"})
# Answers a route's dependencies do not show: the feed's own token (a query parameter), the
# sign-in's wrong password or spent refresh token, and a year of the working-day calendar
# nobody entered yet (docs/domain.md, working days).
_SPECIAL: dict[str, set[int]] = {
    "getHearingCalendar": {401},
    "issueToken": {401},
    "addWorkingDays": {409},
    "getCalendarYear": {409},
}
_SESSION = get_args(SessionDep)[1].dependency


def _calls(dependant: Dependant) -> Iterator[object]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def _statuses(route: RouteContext, operation: dict[str, Any]) -> set[int]:
    """The errors a route can answer, read from what it depends on (docs/conventions.md)."""
    calls = list(_calls(route.dependant))
    found: set[int] = set()
    if current_principal in calls:
        found.add(401)
    if any(isinstance(call, Authorize) for call in calls):
        found.add(403)
    if operation.get("parameters") or "requestBody" in operation:
        # Ids in the path, the query or the body resolve only within the caller's scope.
        found |= {404, 422}
    if required_if_match in calls:
        found |= {412, 428}
    if optional_if_match in calls:
        found.add(412)
    if optional_idempotency in calls or required_idempotency in calls:
        # A key still in flight (409), reused for another body (422), or malformed (400).
        found |= {400, 409, 422}
    if visit_key in calls:
        found.add(400)
    if set(route.methods or ()) & {"POST", "PUT", "PATCH", "DELETE"}:
        # State conflicts, and races that a unique constraint decides at commit.
        found.add(409)
    content = operation.get("requestBody", {}).get("content", {})
    if content:
        found.add(413)
    if "multipart/form-data" in content:
        found |= {400, 415}
    if operation.get("operationId") in _THROTTLED:
        found |= {400, 429}
    if _SESSION in calls:
        found.add(503)
    found |= _SPECIAL.get(operation.get("operationId", ""), set())
    return found


def _header_parameters(route: RouteContext, operation: dict[str, Any]) -> None:
    calls = list(_calls(route.dependant))
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "header":
            continue
        schema = parameter["schema"]
        # A header is text or absent, never JSON null.
        options = [s for s in schema.pop("anyOf", []) if s.get("type") != "null"]
        if options:
            schema.update(options[0])
        name = parameter["name"].lower()
        if name == "if-match":
            # What parse_if_match accepts; anything else is a 412 (it can match no version).
            schema["pattern"] = r'^\s*(\*|(W/)?"?[0-9]{1,18}"?)\s*$'
            parameter["required"] = required_if_match in calls
        if name == "idempotency-key" and visit_key in calls:
            # A check-in's key is the visit's UUID, generated on the phone (docs/domain.md).
            parameter["required"] = True
            for key in ("pattern", "minLength", "maxLength"):
                schema.pop(key, None)
            schema["format"] = "uuid"


def contract(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document with every error documented as the one shared `Problem`."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    document = FastAPI.openapi(app)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = problems.PROBLEM_SCHEMA
    shared = document["components"].setdefault("responses", {})
    for status, (name, text) in _STATUS_TEXT.items():
        shared[name] = {
            "description": text,
            "content": {problems.PROBLEM_JSON: {"schema": _PROBLEM_REF}},
        }
        if status in (429, 503):
            shared[name]["headers"] = _RETRY_AFTER
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = document["paths"][str(route.path_format)][method.lower()]
            _header_parameters(route, operation)
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            for status in sorted(_statuses(route, operation)):
                ref = f"#/components/responses/{_STATUS_TEXT[status][0]}"
                responses[str(status)] = {"$ref": ref}
    app.openapi_schema = document
    return document


# Served fresh on every load: the HTML shells name the hashed assets, and a stale service worker
# or manifest would keep the phone app on an old version.
_NO_CACHE = frozenset({"index.html", "sw.js", "m/index.html", "m/manifest.webmanifest"})
# Some system MIME tables lack it; browsers want this type for the web app manifest.
mimetypes.add_type("application/manifest+json", ".webmanifest")


class SpaFiles(StaticFiles):
    """Serves the built SPAs; unknown paths fall back to their app's shell (history-mode routing):
    `/m/…` to the phone app's `m/index.html`, anything else to the desktop's `index.html`."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path.startswith("api/"):
            raise HTTPException(404)
        try:
            return await super().get_response(path, scope)
        except HTTPException as exc:
            # Client-side routes (/cases/…, /m/queue) belong to an app; missing assets stay 404.
            if exc.status_code != 404 or path.startswith("assets/"):
                raise
            shell = "m/index.html" if path.startswith("m/") else "index.html"
            return await super().get_response(shell, scope)

    def file_response(
        self, full_path: PathLike, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        root = os.path.realpath(self.directory or ".")
        name = Path(os.path.relpath(os.path.realpath(full_path), root)).as_posix()
        if name in _NO_CACHE:
            response.headers["Cache-Control"] = "no-cache"
        elif name.startswith("assets/"):
            # Content-hashed file names: a new build is a new URL.
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def _spa_dir(settings: Settings) -> Path | None:
    if settings.spa_dir is not None:
        return settings.spa_dir if settings.spa_dir.is_dir() else None
    # The SPA's build (make run and make test build it first); without it, the API alone.
    dist = Path(__file__).resolve().parents[2] / "frontend" / "dist"
    return dist if (dist / "index.html").exists() else None


def create_app(settings: Settings | None = None, *, events: EventBus | None = None) -> FastAPI:
    """The app. `events` is the bus its sessions publish on: the standard subscribers by default;
    a test may pass its own bus (or subscribe more on `app.state.events`)."""
    settings = settings or get_settings()
    events = events if events is not None else wiring.event_bus()
    app_logging.configure(settings.log_level, json_lines=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.database_url is None:
            raise RuntimeError("ANJIE_DATABASE_URL is not set (make run sets it for you)")
        app.state.db = Database(
            settings.database_url.get_secret_value(),
            events=events,
            pool_size=settings.db_pool_size,
            echo=settings.db_echo,
        )
        try:
            yield
        finally:
            await app.state.db.dispose()

    # The docs page reads the contract, so it is served only with it.
    docs = settings.docs and settings.openapi
    app = FastAPI(
        title="Anjie 案结",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json" if settings.openapi else None,
        docs_url="/api/v1/docs" if docs else None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.events = events
    app.state.cipher = PiiCipher.from_settings(settings)
    problems.install(app)
    app.openapi = lambda: contract(app)  # type: ignore[method-assign]
    app.include_router(api_router)
    app.include_router(health_router)
    # Inside the request context: its headers and problem answers wrap the masked body.
    app.add_middleware(MaskFreeText)
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.max_body_bytes,
        max_json_bytes=MAX_JSON_BYTES,
    )
    spa = _spa_dir(settings)
    if spa is not None:
        # The router's fallback, not a mount at "/": a mount would match every path and turn
        # an API route's 405 (wrong method) or an unknown API path's 404 into its own answer.
        app.router.default = SpaFiles(directory=spa, html=True)
    return app
