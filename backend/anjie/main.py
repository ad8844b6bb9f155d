"""Application factory: `uvicorn anjie.main:create_app --factory`."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import Scope

from anjie import wiring
from anjie.api import api_router
from anjie.config import Settings, get_settings
from anjie.core import logging as app_logging
from anjie.core import problems
from anjie.core.crypto import PiiCipher
from anjie.core.db import Database
from anjie.core.events import EventBus
from anjie.core.middleware import MaskFreeText, RequestContextMiddleware
from anjie.meta.endpoints import health_router

MAX_JSON_BYTES = 2 * 1024 * 1024
DESCRIPTION = (
    "案结 Anjie — case system for clearing backlogged law- and litigation-related petition "
    "cases. Errors are RFC 9457 problem+json; lists use keyset pagination."
)


def _operation_id(route: APIRoute) -> str:
    return route.name


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
