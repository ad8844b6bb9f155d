"""Supervision through the web app: the office issues a notice on a demo case, the responsible
officer hears of it by the bell and replies, the office closes it; the board counts it meanwhile."""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime, timedelta

import httpx
from playwright.async_api import expect

from tests.e2e.conftest import NewPage, api_token, screenshot, sign_in
from tests.e2e.pages import supervision

_run = itertools.count(int(time.time()) % 100_000)


async def _officer_case(live_server: str) -> tuple[str, str]:
    """A demo case the officer holds, and the officer's name as the case's holders list it."""
    token = await api_token(live_server, "officer")
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=live_server, headers=headers) as client:
        me = (await client.get("/api/v1/auth/me")).json()
        cases = (await client.get("/api/v1/cases", params={"limit": 1})).json()["items"]
    assert cases, "the demo gives the officer cases to hold"
    return str(cases[0]["id"]), str(me["display_name"])


async def test_a_notice_is_issued_answered_and_closed(new_page: NewPage, live_server: str) -> None:
    n = next(_run)
    case_id, officer_name = await _officer_case(live_server)
    # Beijing's date a week ahead: the reply date of the notice.
    due = (datetime.now(UTC) + timedelta(hours=8, days=7)).date().isoformat()
    reason = f"化解进度滞后，未按期报送化解方案（测试{n}）"

    office = await new_page()
    await sign_in(office, "office", "/supervision")
    awaiting_before = await supervision.board_count(office)

    notice_id = await supervision.issue(office, case_id, officer_name, reason, due)
    assert await supervision.board_count(office) == awaiting_before + 1
    await expect(office.locator(".el-message")).to_have_count(0, timeout=10_000)
    await screenshot(office, "supervision-board")

    officer = await new_page()
    await sign_in(officer, "officer", "/")
    assert await supervision.bell_count(officer) >= 1
    await supervision.open_from_bell(officer, "督办")
    assert officer.url.endswith(f"/supervision/notices/{notice_id}")
    await expect(officer.get_by_text(reason)).to_be_visible()
    await supervision.reply(officer, f"已召开专题会议，方案将于三日内报送（测试{n}）")

    assert await supervision.board_count(office) == awaiting_before
    await supervision.close(office, notice_id)
