"""A case from registration to resolution, through the officers' web app and the phone."""

from __future__ import annotations

import itertools
import re
import time

import httpx
from playwright.async_api import expect

from tests.cases.support import id_number
from tests.e2e.conftest import IPHONE, NewPage, api_token, screenshot, sign_in
from tests.e2e.pages import cases, dashboard, hearings, mobile

_run = itertools.count(int(time.time()) % 100_000)


async def test_office_registers_and_the_case_is_resolved(
    new_page: NewPage, live_server: str
) -> None:
    n = next(_run)
    case = cases.NewCase(
        title=f"刘某不服公证书效力信访案（测试{n}）",
        petitioner="刘某某",
        id_number=id_number(1000 + n % 5000),
        demands="撤销公证书并赔偿损失",
        cause="对继承公证书效力有异议",
        crux="认为公证处未尽核实义务",
    )
    office = await new_page()
    await sign_in(office, "office", "/")
    closed_before = await dashboard.stat(office, "已办结")

    case_id = await cases.register(office, case)
    await cases.assign(office, "包案领导", "李建国")
    await cases.assign(office, "责任部门", "律师公证工作股", unit=True)
    await cases.assign(office, "责任人", "张明")
    await cases.act(office, "研判")
    await cases.write_plan(office)

    leader = await new_page()
    await sign_in(leader, "leader", f"/cases/{case_id}")
    await cases.approve_plan(leader)
    await cases.act(leader, "批准方案")
    await cases.act(leader, "开始化解")

    await cases.open_case(office, case_id, "hearings")
    hearing_id = await hearings.schedule(
        office, chair="王秀英", place=f"第一调解室（测试{n}）", days_ahead=1 + n % 6, hour=8 + n % 9
    )

    # The officer's phone: the visit is recorded offline, survives a reload, syncs once.
    phone = await new_page(viewport=IPHONE, is_mobile=True, has_touch=True)
    await mobile.sign_in(phone, "officer")
    await mobile.open_case(phone, case.title)
    await phone.context.set_offline(True)
    await mobile.fill_visit(phone, attitude="满意", notes=f"信访人表示认可处理结果（测试{n}）")
    await screenshot(phone, "phone-check-in")
    await mobile.save_visit(phone)
    await phone.reload()
    await expect(phone.locator("[data-test=pending-badge]")).to_have_text("1")
    await phone.context.set_offline(False)
    await expect(phone.locator("[data-test=pending-badge]")).to_have_count(0, timeout=30_000)
    token = await api_token(live_server, "office")
    async with httpx.AsyncClient(base_url=live_server) as client:
        response = await client.get(
            f"/api/v1/cases/{case_id}/check-ins", headers={"Authorization": f"Bearer {token}"}
        )
    visits = response.json()["items"]
    assert [v["attitude"] for v in visits] == ["satisfied"], visits

    await cases.open_case(office, case_id)
    await cases.act(office, "化解", {"化解方式": "要求过高，教育到位"})
    await expect(office.locator(".el-tag").filter(has_text="已化解").first).to_be_visible()
    await expect(office.locator(".el-overlay-dialog:visible")).to_have_count(0)
    await expect(office.locator(".el-message")).to_have_count(0, timeout=10_000)
    await screenshot(office, "case-detail")

    await office.goto("/")
    assert await dashboard.stat(office, "已办结") == closed_before + 1
    await screenshot(office, "dashboard")

    await office.goto(f"/print/hearings/{hearing_id}")
    await expect(office.get_by_text("听证通知书").first).to_be_visible()
    await expect(office.get_by_text(re.compile(case.petitioner[:1])).first).to_be_visible()
    await screenshot(office, "print-hearing-notice")
