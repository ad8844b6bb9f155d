"""The backend serves the SPA build: files as they are, client-side routes fall back to
index.html, and API paths never do."""

from __future__ import annotations

from pathlib import Path

import httpx

from anjie.config import Settings
from anjie.main import create_app


async def test_spa_files_history_fallback_and_api_paths(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<title>案结 Anjie</title>", encoding="utf-8")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(settings.model_copy(update={"spa_dir": tmp_path}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
        home = await client.get("/")
        assert home.status_code == 200 and "案结" in home.text
        for route in ("/login", "/cases/0192-abc", "/m/check-ins"):
            page = await client.get(route)
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
