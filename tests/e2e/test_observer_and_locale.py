"""Read-only users and the language switch, in the browser."""

from __future__ import annotations

import re

from playwright.async_api import expect

from tests.e2e.conftest import NewPage, sign_in

MASKED_ID = re.compile(r"\d{3}\*{11}[\dX]{4}")


async def test_observer_sees_masked_numbers_and_no_edit_buttons(new_page: NewPage) -> None:
    page = await new_page()
    await sign_in(page, "observer", "/cases")
    rows = page.locator(".el-table__body tr")
    await expect(rows.first).to_be_visible()
    # Registration is for the office and leaders: the button is not there at all.
    await expect(page.get_by_role("button", name="登记案件")).to_have_count(0)

    await rows.first.locator("a").first.click()
    await page.wait_for_url(re.compile(r"/cases/[0-9a-f-]{36}"))
    await page.get_by_role("tab", name="信访人").click()
    panel = page.get_by_role("tabpanel", name="信访人")
    await expect(panel).to_contain_text(MASKED_ID)
    await expect(panel.get_by_role("button", name="查看完整号码")).to_have_count(0)
    # No action the observer could not take: no transitions, no edit, no assigning.
    await expect(page.locator("[data-action]")).to_have_count(0)
    await expect(page.get_by_role("button", name="编辑")).to_have_count(0)
    await expect(page.get_by_role("link", name="编辑")).to_have_count(0)
    assert MASKED_ID.search(await page.content())
    assert not re.search(r"\b51\d{16}\b", await page.content())  # no full ID number anywhere


async def test_switching_to_english_changes_the_ui_and_is_remembered(new_page: NewPage) -> None:
    page = await new_page()
    await sign_in(page, "leader", "/")
    menu = page.locator(".el-menu")
    await expect(menu).to_contain_text("案件台账")
    # Element Plus draws the selected value over its input: click the select itself.
    await page.locator(".el-select", has=page.get_by_role("combobox", name="语言")).click()
    await page.get_by_role("option", name="English").click()
    await expect(menu).to_contain_text("Case ledger")
    await expect(menu).not_to_contain_text("案件台账")
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await page.reload()
    await expect(page.locator(".el-menu")).to_contain_text("Case ledger")
    # Element Plus's own texts follow too (the date picker's, pagination's…): spot one.
    await page.goto("/cases")
    await expect(page.get_by_role("heading").first).not_to_contain_text("案件台账")
