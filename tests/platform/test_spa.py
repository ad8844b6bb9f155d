"""The backend serves the SPA build: files as they are, client-side routes fall back to their
app's shell (the phone app under /m/ to its own), and API paths never do."""

from __future__ import annotations

from pathlib import Path

import httpx

from anjie.config import Settings
from anjie.main import create_app


def _build(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "m").mkdir()
    (tmp_path / "index.html").write_text("<title>案结 Anjie</title>", encoding="utf-8")
    (tmp_path / "m" / "index.html").write_text("<title>案结·回访</title>", encoding="utf-8")
    (tmp_path / "m" / "manifest.webmanifest").write_text('{"scope": "/m/"}', encoding="utf-8")
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    return tmp_path


def _client(settings: Settings, spa: Path) -> httpx.AsyncClient:
    app = create_app(settings.model_copy(update={"spa_dir": spa}))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://anjie.test")


async def test_spa_files_history_fallback_and_api_paths(settings: Settings, tmp_path: Path) -> None:
    async with _client(settings, _build(tmp_path)) as client:
        home = await client.get("/")
        assert home.status_code == 200 and "案结 Anjie" in home.text
        for route in ("/login", "/cases/0192-abc", "/mobile", "/m"):
            page = await client.get(route, follow_redirects=True)
            assert page.status_code == 200, route
            assert "案结" in page.text
        assert (await client.get("/assets/app.js")).text == "console.log(1)"
        missing_asset = await client.get("/assets/nope.js")
        assert missing_asset.status_code == 404
        api = await client.get("/api/v1/no-such-thing")
        assert api.status_code == 404
        assert api.headers["content-type"] == "application/problem+json"
        wrong_method = await client.delete("/healthz")
        assert wrong_method.status_code == 405


async def test_phone_app_routes_fall_back_to_its_own_shell(
    settings: Settings, tmp_path: Path
) -> None:
    async with _client(settings, _build(tmp_path)) as client:
        for route in ("/m/", "/m/login", "/m/queue", "/m/cases/0192-abc/check-in"):
            page = await client.get(route)
            assert page.status_code == 200, route
            assert "案结·回访" in page.text, route
            assert page.headers["cache-control"] == "no-cache", route
        # /m without the slash is the directory: redirected to the shell's URL.
        bare = await client.get("/m")
        assert bare.status_code in (307, 308) and bare.headers["location"].endswith("/m/")
        # The desktop app's routes keep the desktop shell.
        assert "案结 Anjie" in (await client.get("/cases")).text


async def test_service_worker_manifest_and_cache_headers(
    settings: Settings, tmp_path: Path
) -> None:
    async with _client(settings, _build(tmp_path)) as client:
        sw = await client.get("/sw.js")
        assert sw.status_code == 200
        assert sw.headers["content-type"].startswith("text/javascript")
        assert sw.headers["cache-control"] == "no-cache"

        manifest = await client.get("/m/manifest.webmanifest")
        assert manifest.status_code == 200
        assert manifest.headers["content-type"].startswith("application/manifest+json")
        assert manifest.headers["cache-control"] == "no-cache"

        for shell in ("/", "/index.html", "/login"):
            assert (await client.get(shell)).headers["cache-control"] == "no-cache", shell

        asset = await client.get("/assets/app.js")
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
