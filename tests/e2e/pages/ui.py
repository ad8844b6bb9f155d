"""Element Plus, as a user drives it: fields found by their visible label, options by text."""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page, expect


def field(scope: Page | Locator, label: str) -> Locator:
    """The form item labelled exactly `label` (the * of a required field is CSS, not text).

    Items nest (a row of inputs inside an item): the last match is the innermost.
    """
    return scope.locator(
        "xpath=.//div[contains(concat(' ', normalize-space(@class), ' '), ' el-form-item ')]"
        f"[.//label[contains(@class, 'el-form-item__label')][normalize-space()='{label}']]"
    ).last


async def fill(scope: Page | Locator, label: str, value: str) -> None:
    await field(scope, label).locator("input, textarea").first.fill(value)


async def choose(page: Page, scope: Page | Locator, label: str, option: str) -> None:
    """Open the select of the field and pick the option whose text starts with `option`."""
    await field(scope, label).locator(".el-select").first.click()
    starts = re.compile(f"^\\s*{re.escape(option)}")
    await page.locator(".el-select-dropdown__item:visible").filter(has_text=starts).first.click()


async def pick_date(scope: Page | Locator, label: str, day: str) -> None:
    box = field(scope, label).locator("input").first
    await box.fill(day)
    await box.press("Enter")


async def toast(page: Page, text: str | re.Pattern[str]) -> None:
    await expect(page.locator(".el-message").filter(has_text=text).first).to_be_visible()


def dialog(page: Page, title: str) -> Locator:
    return page.locator(".el-dialog:visible").filter(
        has=page.locator(".el-dialog__title", has_text=title)
    )
