"""The phone check-in app under /m/."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.e2e.conftest import PASSWORD


async def sign_in(page: Page, username: str) -> None:
    await page.goto("/m/")
    await page.wait_for_url("**/m/login**")
    await page.locator("input[name=username]").fill(username)
    await page.locator("input[name=password]").fill(PASSWORD)
    await page.locator("button[type=submit]").click()
    await expect(page.locator("[data-test=case-card]").first).to_be_visible()


async def open_case(page: Page, title: str) -> None:
    await page.locator("[data-test=case-card]").filter(has_text=title).click()
    await page.wait_for_url("**/check-in")


async def fill_visit(page: Page, *, attitude: str, notes: str) -> None:
    await page.get_by_text("当面回访", exact=True).click()
    await page.locator("input[name=peopleMet]").fill("信访人本人及其配偶")
    await page.get_by_text(attitude, exact=True).click()
    await page.locator("textarea[name=notes]").fill(notes)


async def save_visit(page: Page) -> None:
    await page.locator("[data-test=save]").click()
    await expect(page.locator("[data-test=saved-status]")).to_have_text("已保存，待同步")
