"""The dashboard: the figures it shows."""

from __future__ import annotations

from playwright.async_api import Page, expect


async def stat(page: Page, label: str) -> int:
    tile = page.locator(f"[data-stat='{label}']")
    await expect(tile).to_be_visible()
    text = await tile.locator(".tile__value").inner_text()
    return int(text.strip())
