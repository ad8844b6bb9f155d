"""The case pages: registration, 包案, the five-fixes plan, transitions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.async_api import Page, expect

from tests.e2e.pages.ui import choose, dialog, field, fill, pick_date, toast

# Actions that close or hand over a case ask for a confirmation first.
IRREVERSIBLE = {"化解", "终结", "移交", "验收"}
CASE_URL = re.compile(r"/cases/([0-9a-f-]{36})(\?.*)?$")


@dataclass(frozen=True)
class NewCase:
    title: str
    petitioner: str
    id_number: str
    demands: str
    cause: str
    crux: str


async def register(page: Page, case: NewCase) -> str:
    """Fill the registration form as the office does; returns the new case's id."""
    await page.goto("/cases")
    await page.get_by_role("button", name="登记案件").click()
    await page.wait_for_url("**/cases/new")
    await choose(page, page, "专项活动", "集中清理涉法涉诉信访积案专项活动")
    row = page.locator(".el-card").filter(has_text="信访人 1")
    await fill(row, "姓名", case.petitioner)
    await fill(row, "身份证号", case.id_number)
    await fill(page, "案由", case.title)
    await field(page, "信访形式").get_by_text("来访", exact=True).click()
    await choose(page, page, "问题类别", "公证")
    await pick_date(page, "首次信访日期", "2008-03-01")
    await fill(page, "信访诉求", case.demands)
    await fill(page, "原因", case.cause)
    await fill(page, "症结", case.crux)
    await choose(page, page, "受理机关", "政府")
    await page.get_by_role("button", name="保存", exact=True).click()
    await toast(page, "案件已登记")
    await page.wait_for_url(CASE_URL)
    match = CASE_URL.search(page.url)
    assert match is not None
    return match.group(1)


async def open_case(page: Page, case_id: str, tab: str | None = None) -> None:
    await page.goto(f"/cases/{case_id}" + (f"?tab={tab}" if tab else ""))
    await expect(page.get_by_role("tablist")).to_be_visible()


async def assign(page: Page, role: str, who: str, *, unit: bool = False) -> None:
    await page.get_by_role("tab", name="包案责任").click()
    await page.get_by_role("button", name="指定包案责任").click()
    box = dialog(page, "指定包案责任")
    await choose(page, box, "职责", role)
    await choose(page, box, "部门" if unit else "人员", who)
    await fill(box, "理由", "按领导小组分工指定")
    await box.get_by_role("button", name="确定").click()
    await toast(page, "已指定")
    await expect(box).to_be_hidden()


async def act(page: Page, action: str, choices: dict[str, str] | None = None) -> None:
    """Run a transition from the case's action bar through its dialog."""
    await page.locator("button[data-action]:not([disabled])").filter(has_text=action).first.click()
    box = page.locator(".el-dialog:visible")
    for label, value in (choices or {}).items():
        await choose(page, box, label, value)
    await fill(box, "办理意见", f"{action}：依据工作方案办理")
    await box.locator(".el-dialog__footer").get_by_role("button", name=action).click()
    if action in IRREVERSIBLE:
        confirm = page.locator(".el-message-box:visible")
        await confirm.get_by_role("button", name=action).click()
    await toast(page, f"已执行“{action}”")


async def write_plan(page: Page) -> None:
    await page.get_by_role("tab", name="化解方案（五定）").click()
    await page.get_by_role("button", name="起草方案").click()
    await fill(page, "定人员", "包案领导李建国，责任人张明，城关司法所两名干部")
    await field(page, "定方案").get_by_text("人民调解", exact=True).click()
    await pick_date(page, "定时限", "2027-06-30")
    await fill(page, "定要求", "每月回访一次，按期报告进展")
    await fill(page, "定效果", "信访人签订息诉罢访承诺书")
    await page.get_by_role("button", name="保存为新版本").click()
    await toast(page, "已保存第 1 版")
    await page.get_by_role("button", name="提交审批").click()
    await page.locator(".el-message-box:visible").get_by_role("button", name="确定").click()
    await toast(page, "已提交审批")


async def approve_plan(page: Page) -> None:
    await page.get_by_role("tab", name="化解方案（五定）").click()
    await page.get_by_role("button", name="批准", exact=True).click()
    box = page.locator(".el-dialog:visible")
    await fill(box, "审批意见", "同意按此方案化解")
    await box.get_by_role("button", name=re.compile("批准|确定")).last.click()
    await toast(page, "方案已批准")
