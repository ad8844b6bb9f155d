"""Security headers from the app itself (issue 14, finding 10): every response — JSON, problem,
SPA file — carries a strict CSP, nosniff, frame-ancestors 'none' and no-referrer; authenticated
JSON is `no-store`; the contract and /metrics are served only by setting."""

from __future__ import annotations

from pathlib import Path

import httpx

from anjie.config import Environment, Settings
from anjie.core.middleware import CONTENT_SECURITY_POLICY
from anjie.main import create_app
from tests.factories import World
from tests.platform.test_settings import PRODUCTION
from tests.platform.test_spa import _build


def _assert_hardened(response: httpx.Response, what: str) -> None:
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp, what
    assert "script-src 'self';" in csp and "unsafe-eval" not in csp, what
    assert "frame-ancestors 'none'" in csp, what
    assert response.headers["x-content-type-options"] == "nosniff", what
    assert response.headers["referrer-policy"] == "no-referrer", what


async def test_every_kind_of_response_carries_the_headers(world: World) -> None:
    county, _, _ = await world.county()
    observer = await world.user(county, "observer")
    me = await world.client.get("/api/v1/auth/me", headers=world.auth(observer))
    assert me.status_code == 200
    _assert_hardened(me, "authenticated JSON")
    assert me.headers["cache-control"] == "no-store"

    for what, response in (
        ("401", await world.client.get("/api/v1/cases")),
        ("404", await world.client.get("/api/v1/nope", headers=world.auth(observer))),
        ("health", await world.client.get("/healthz")),
    ):
        _assert_hardened(response, what)
    assert (await world.client.get("/api/v1/cases")).headers["cache-control"] == "no-store"
    # One header each, never duplicated by a route that set its own.
    assert len(me.headers.get_list("content-security-policy")) == 1


async def test_spa_files_carry_them_and_keep_their_caching(
    settings: Settings, tmp_path: Path
) -> None:
    app = create_app(settings.model_copy(update={"spa_dir": _build(tmp_path)}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
        for path in ("/", "/m/", "/sw.js", "/m/manifest.webmanifest", "/assets/app.js"):
            response = await client.get(path)
            assert response.status_code == 200, path
            _assert_hardened(response, path)
            assert response.headers["cache-control"] != "no-store", path


async def test_contract_and_metrics_are_served_only_by_setting() -> None:
    cases = (
        ({"env": Environment.production}, 404),
        ({"env": Environment.dev}, 200),
        ({"env": Environment.production, "openapi_enabled": True, "metrics_enabled": True}, 200),
        ({"env": Environment.dev, "openapi_enabled": False, "metrics_enabled": False}, 404),
    )
    for overrides, expected in cases:
        settings = Settings(**{**PRODUCTION, **overrides})  # type: ignore[arg-type]
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
            for path in ("/api/v1/openapi.json", "/metrics"):
                response = await client.get(path)
                assert response.status_code == expected, (overrides, path)


def test_nginx_sends_hsts_and_the_same_policy() -> None:
    conf = (Path(__file__).resolve().parents[2] / "frontend" / "nginx.conf").read_text()
    assert 'add_header Strict-Transport-Security "max-age=31536000' in conf
    assert f'add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;' in conf
