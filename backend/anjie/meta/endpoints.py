from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

import anjie.meta.labels  # noqa: F401 - registers the labels
from anjie.access.dependencies import Authorize, Public
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.db import Database
from anjie.core.errors import DatabaseUnavailable, NotFound
from anjie.core.labels import all_enums
from anjie.meta.schemas import EnumLabel, Health

router = APIRouter(prefix="/meta", tags=["meta"])
health_router = APIRouter(tags=["health"])

Reader = Annotated[Principal, Depends(Authorize(Permission.meta_read))]


@router.get("/enums", operation_id="listEnums")
async def list_enums(principal: Reader) -> dict[str, list[EnumLabel]]:
    """Every enum's values with zh-CN and English labels."""
    return {k: [EnumLabel.model_validate(v) for v in vs] for k, vs in all_enums().items()}


@health_router.get("/healthz", operation_id="healthz", dependencies=[Public])
async def healthz() -> Health:
    """Liveness: the process answers."""
    return Health(status="ok")


@health_router.get("/readyz", operation_id="readyz", dependencies=[Public])
async def readyz(request: Request) -> Health:
    """Readiness: the database answers (503 with Retry-After when it does not)."""
    db: Database = request.app.state.db
    try:
        async with db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise DatabaseUnavailable() from exc
    return Health(status="ready")


@health_router.get(
    "/metrics",
    operation_id="metrics",
    dependencies=[Public],
    response_class=PlainTextResponse,
    include_in_schema=False,
)
async def metrics(request: Request) -> Response:
    """Prometheus metrics; keep it off the public proxy (nginx does not forward it). Served only
    when `ANJIE_METRICS_ENABLED` (on by default outside production)."""
    if not request.app.state.settings.metrics:
        raise NotFound()
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
