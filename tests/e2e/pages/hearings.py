"""Hearings on a case's tab."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.async_api import Page, expect

from tests.e2e.pages.ui import choose, dialog, fill, toast

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def schedule(
    page: Page, *, chair: str, place: str, days_ahead: int = 1, hour: int = 9
) -> str:
    """A two-hour mediation on the open case, `days_ahead` days from now at `hour` o'clock
    Beijing time; returns the hearing's id (read from its printable notice link)."""
    await page.get_by_role("tab", name="听证").click()
    await page.get_by_role("button", name="安排听证").click()
    box = dialog(page, "安排听证")
    await choose(page, box, "类型", "调解")
    day = datetime.now(SHANGHAI).date() + timedelta(days=days_ahead)
    for label, at in (("开始时间", hour), ("结束时间", hour + 2)):
        picker = box.locator(".el-form-item").filter(has_text=label).locator("input").first
        await picker.fill(f"{day.isoformat()} {at:02d}:00")
        await picker.press("Enter")
    await fill(box, "地点", place)
    await choose(page, box, "主持人", chair)
    await box.get_by_role("button", name="安排", exact=True).click()
    await toast(page, "听证已安排")
    notice = page.get_by_role("link", name="听证通知书").first
    await expect(notice).to_be_visible()
    href = await notice.get_attribute("href") or ""
    match = re.search(r"/print/hearings/([0-9a-f-]{36})", href)
    assert match, href
    return match.group(1)
