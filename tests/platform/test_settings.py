"""Settings: production refuses the development secrets and hides the interactive docs."""

from __future__ import annotations

import httpx
import pytest
from pydantic import ValidationError

from anjie.config import Environment, Settings
from anjie.main import create_app

PRODUCTION = {
    "env": Environment.production,
    "database_url": "postgresql://anjie@db/anjie",
    "jwt_keys": '{"k1": "a-production-secret-of-at-least-32-chars"}',
    "jwt_active_kid": "k1",
    "pii_keys": '{"p1": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}',
    "pii_active_kid": "p1",
    "blind_index_key": "a-production-blind-index-key",
}


# Leaving a secret (and its key id) out falls back to the development default.
@pytest.mark.parametrize(
    "left_out",
    [("jwt_keys", "jwt_active_kid"), ("pii_keys", "pii_active_kid"), ("blind_index_key",)],
)
def test_production_refuses_each_dev_secret(left_out: tuple[str, ...]) -> None:
    values = {k: v for k, v in PRODUCTION.items() if k not in left_out}
    with pytest.raises(ValidationError, match="dev defaults"):
        Settings(**values)  # type: ignore[arg-type]


def test_short_jwt_secret_and_bad_pii_key_are_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(**{**PRODUCTION, "jwt_keys": '{"k1": "short"}'})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Settings(**{**PRODUCTION, "pii_keys": '{"p1": "c2hvcnQ="}'})  # type: ignore[arg-type]


async def test_docs_are_off_in_production_and_on_in_dev() -> None:
    for env, expected in ((Environment.production, 404), (Environment.dev, 200)):
        settings = Settings(**{**PRODUCTION, "env": env})  # type: ignore[arg-type]
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
            response = await client.get("/api/v1/docs")
        assert response.status_code == expected
