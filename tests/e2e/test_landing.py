"""Where each kind of account lands, and the supervision board."""

from __future__ import annotations

from playwright.async_api import expect

from tests.e2e.conftest import NewPage, sign_in


async def test_admin_lands_on_administration_not_on_an_error(new_page: NewPage) -> None:
    page = await new_page()
    await sign_in(page, "admin", "/")
    await expect(page.get_by_text("系统管理员不查看案件数据")).to_be_visible()
    await expect(page.locator("main").get_by_role("link", name="用户管理")).to_be_visible()
    await expect(page.locator(".el-alert--error")).to_have_count(0)
    await expect(page.locator(".el-menu")).not_to_contain_text("案件台账")


async def test_supervision_board_shows_its_four_columns(new_page: NewPage) -> None:
    page = await new_page()
    await sign_in(page, "leader", "/supervision")
    for column in ("overdue", "due_soon", "escalated", "notices"):
        await expect(page.locator(f"[data-column={column}]")).to_be_visible()
    await expect(page.locator(".el-alert--error")).to_have_count(0)
