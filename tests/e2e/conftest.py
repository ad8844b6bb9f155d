"""Browser tests: the real stack (PostgreSQL, migrations, demo data, uvicorn serving the built
SPA) in a subprocess, driven by Python Playwright through the system's headless Chromium.

The server gets a database of its own in the test cluster, so the API tests' per-test wipes
never touch it. Chromium comes from the OS (`.ci/run` installs Debian's); Playwright's own
browser download is never used. ANJIE_CHROMIUM points at another binary.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError

from anjie.cli import migrate

PROJECT = Path(__file__).resolve().parents[2]
# The server serves ANJIE_SPA_DIR when set, like the app itself; else the build in frontend/.
DIST = Path(os.environ.get("ANJIE_SPA_DIR") or PROJECT / "frontend" / "dist")
SCREENSHOTS = PROJECT / "docs" / "screenshots"
CHROMIUM = os.environ.get("ANJIE_CHROMIUM", "/usr/lib/chromium/chromium")
E2E_DB = "anjie_e2e"
PASSWORD = "anjie-demo-2010"
IPHONE = {"width": 390, "height": 844}

NewPage = Callable[..., Awaitable[Page]]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _recreate(server_url: str) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{E2E_DB}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{E2E_DB}"')
    finally:
        await conn.close()


def _wait_ready(base_url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the server exited ({proc.returncode}):\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server did not become ready:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The stack under test; ANJIE_E2E_URL points the tests at a server already running with the
    demo data instead (quicker while writing a test)."""
    if given := os.environ.get("ANJIE_E2E_URL"):
        yield given.rstrip("/")
        return
    database_url: str = request.getfixturevalue("database_url")
    if not (DIST / "index.html").is_file():
        pytest.fail("frontend/dist is missing: `make test` builds it (or `make frontend-build`)")
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make browser` installs it, or set ANJIE_CHROMIUM")
    server = database_url.rsplit("/", 1)[0]
    asyncio.run(_recreate(f"{server}/postgres"))
    url = f"{server}/{E2E_DB}"
    migrate(url)
    port = _free_port()
    env = {
        **os.environ,
        "ANJIE_ENV": "dev",
        "ANJIE_DATABASE_URL": url,
        "ANJIE_HOST": "127.0.0.1",
        "ANJIE_PORT": str(port),
    }
    anjie = str(Path(sys.executable).parent / "anjie")
    subprocess.run([anjie, "seed", "demo"], env=env, check=True, capture_output=True)
    log = tmp_path_factory.mktemp("e2e") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([anjie, "serve"], env=env, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base_url, proc, log)
        yield base_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
async def browser(live_server: str) -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=CHROMIUM)
        yield b
        await b.close()


@pytest.fixture
async def new_page(browser: Browser, live_server: str) -> AsyncIterator[NewPage]:
    """Pages in fresh contexts (own cookies and storage), Chinese and on Beijing time.

    Every page also watches for Content-Security-Policy violations (Chromium reports each one
    on the console, the document as a `securitypolicyviolation` event): a test whose pages
    broke the app's policy fails at teardown, whatever it asserted itself."""
    contexts: list[BrowserContext] = []
    violations: list[str] = []

    def watch(page: Page) -> None:
        def on_console(message: ConsoleMessage) -> None:
            if "Content Security Policy" in message.text and not _known(message.text):
                violations.append(f"{page.url}: {message.text}")

        page.on("console", on_console)

    async def make(viewport: dict[str, int] | None = None, **options: object) -> Page:
        context = await browser.new_context(
            base_url=live_server,
            locale="zh-CN",
            timezone_id="Asia/Shanghai",
            viewport=viewport or {"width": 1440, "height": 900},  # type: ignore[arg-type]
            **options,  # type: ignore[arg-type]
        )
        context.set_default_timeout(15_000)
        await context.add_init_script(_CSP_WATCH)
        context.on("page", watch)
        contexts.append(context)
        return await context.new_page()

    yield make
    for context in contexts:
        for page in context.pages:
            try:
                seen = await page.evaluate("window.__cspViolations || []")
            except PlaywrightError:
                continue
            violations.extend(f"{page.url}: {v}" for v in seen if not _known(v))
        await context.close()
    assert violations == [], violations


# Vant's icon font names a CDN copy after its inline one; the policy blocks that fetch, so the
# phone app never calls the third party. Open: drop the remote fallback from the build.
_KNOWN_BLOCKED = ("at.alicdn.com",)


def _known(text: str) -> bool:
    return any(host in text for host in _KNOWN_BLOCKED)


_CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


async def sign_in(page: Page, username: str, path: str = "/") -> None:
    """Through the login page, as a user would; lands on `path`."""
    await page.goto(f"/login?redirect={path}")
    await page.locator("input[name=username]").fill(username)
    await page.locator("input[name=password]").fill(PASSWORD)
    await page.locator("button[type=submit]").click()
    await page.wait_for_url(lambda url: "/login" not in url)


async def api_token(live_server: str, username: str) -> str:
    async with httpx.AsyncClient(base_url=live_server) as client:
        response = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": username, "password": PASSWORD},
        )
        response.raise_for_status()
        return str(response.json()["access_token"])


async def screenshot(page: Page, name: str) -> None:
    """The README's pictures are these files, rewritten by every run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=False)
