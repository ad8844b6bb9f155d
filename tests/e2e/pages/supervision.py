"""Supervision: the board's counts, issuing a notice from a case, replying, closing; the bell."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.e2e.pages.dashboard import stat
from tests.e2e.pages.ui import dialog, fill, pick_date, toast

AWAITING = "督办通知待反馈"
NOTICE_URL = re.compile(r"/supervision/notices/([0-9a-f-]{36})$")


async def board_count(page: Page, column: str = AWAITING) -> int:
    await page.goto("/supervision")
    return await stat(page, column)


async def issue(page: Page, case_id: str, to: str, reason: str, due: str) -> str:
    """From the case's notices tab, addressed to `to` (one of its holders); returns its id."""
    await page.goto(f"/cases/{case_id}?tab=notices")
    await page.get_by_role("button", name="下发督办通知").click()
    box = dialog(page, "下发督办通知")
    # Element Plus hides the native input behind its styled box: click the label a person sees.
    await box.locator("label.el-checkbox").filter(has_text=re.compile(f"^{re.escape(to)}")).click()
    await fill(box, "督办事由", reason)
    await fill(box, "督办要求", "请于反馈期限前书面报告化解进展，逾期将启动责任追究")
    await pick_date(box, "反馈期限", due)
    await box.locator(".el-dialog__footer").get_by_role("button", name="下发督办通知").click()
    await toast(page, "督办通知已下发")
    await page.wait_for_url(NOTICE_URL)
    match = NOTICE_URL.search(page.url)
    assert match is not None
    return match.group(1)


async def bell_count(page: Page) -> int:
    badge = page.locator("[data-test=bell-count] sup")
    await expect(badge).to_be_visible(timeout=35_000)
    return int((await badge.inner_text()).strip().rstrip("+"))


async def open_from_bell(page: Page, title: str | re.Pattern[str]) -> None:
    await page.locator("[data-test=bell]").click()
    await page.locator("[data-test=notifications] a").filter(has_text=title).first.click()
    await page.wait_for_url(NOTICE_URL)


async def reply(page: Page, text: str) -> None:
    await fill(page, "反馈内容", text)
    await page.get_by_role("button", name="反馈", exact=True).click()
    await toast(page, "反馈已提交")
    await expect(page.locator("[data-test=replies]")).to_contain_text(text)


async def close(page: Page, notice_id: str) -> None:
    await page.goto(f"/supervision/notices/{notice_id}")
    await page.get_by_role("button", name="办结", exact=True).click()
    box = dialog(page, "办结")
    await fill(box, "办结意见", "已按要求反馈，予以办结")
    await box.locator(".el-dialog__footer").get_by_role("button", name="办结").click()
    await toast(page, "督办通知已办结")
    status = page.locator("[data-test=notice-status]")
    await expect(status).to_have_attribute("data-status", "closed")
