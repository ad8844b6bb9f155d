"""The phone app at the narrowest width officers' phones have: nothing scrolls sideways."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.e2e.conftest import NewPage
from tests.e2e.pages import mobile

NARROW = {"width": 360, "height": 740}


async def _no_sideways_scroll(page: Page) -> None:
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{page.url} is {width}px wide"


async def test_360_px_wide_without_horizontal_scrolling(new_page: NewPage) -> None:
    page = await new_page(viewport=NARROW, is_mobile=True, has_touch=True)
    await page.goto("/m/")
    await page.wait_for_url("**/m/login**")
    await _no_sideways_scroll(page)
    await mobile.sign_in(page, "officer")
    await _no_sideways_scroll(page)
    await page.locator("[data-test=case-card]").first.click()
    await page.wait_for_url("**/check-in")
    await expect(page.locator("[data-test=save]")).to_be_visible()
    await _no_sideways_scroll(page)
    # Touch targets: the save button is at least the 44 px a thumb needs.
    box = await page.locator("[data-test=save]").bounding_box()
    assert box is not None and box["height"] >= 44
