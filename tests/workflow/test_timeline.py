"""The case timeline: its audit events as readable entries, newest first, paginated."""

from __future__ import annotations

from typing import Any

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.workflow.support import Scene, scene


async def _walk(s: Scene) -> None:
    """Seven events: three assignments, a replacement, two transitions, a plan save."""
    await s.staff()
    response = await s.assign("responsible_leader", user=s.leader2, reason="原包案领导分工调整")
    assert response.status_code == 201
    assert (await s.act(s.office, "analyse")).status_code == 200
    assert (await s.put(s.officer, "/plan", {"personnel": "王芳"})).status_code == 200
    response = await s.act(s.office, "refer", police_organ="清溪县公安局")
    assert response.status_code == 200


async def _all(s: Scene, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": limit}
    for _ in range(20):
        response = await s.get(s.office, "/timeline", **params)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        if page["next_cursor"] is None:
            return items
        params["cursor"] = page["next_cursor"]
    raise AssertionError("pagination did not end")


async def test_the_timeline_reads_newest_first(world: World) -> None:
    s = await scene(world)
    await _walk(s)
    items = (await s.get(s.office, "/timeline")).json()["items"]
    leader2 = f"测试用户{s.leader2.username}"
    assert [i["title"] for i in items] == [
        "移交公安",
        "保存化解方案（第1版）",
        "研判",
        f"指定包案领导 {leader2}（接替 测试用户{s.leader.username}）",
        f"指定责任人（直接责任人） 测试用户{s.officer.username}",
        "指定责任部门 信访股",
        f"指定包案领导 测试用户{s.leader.username}",
    ]
    assert [i["id"] for i in items] == sorted((i["id"] for i in items), reverse=True)
    refer = items[0]
    assert refer["action"] == "case.transition"
    assert refer["reason"] == "refer：依据工作方案"
    assert refer["actor_name"] == f"测试用户{s.office.username}"
    assert refer["changes"]["before"] == {"status": "analysed", "police_organ": None}
    assert refer["changes"]["after"]["status"] == "referred"
    assert items[3]["reason"] == "原包案领导分工调整"

    english = (await s.get(s.office, "/timeline", lang="en")).json()["items"]
    assert [i["title"] for i in english[:4]] == [
        "Referred to police",
        "Plan version 1 saved",
        "Analysed",
        f"Responsible leader assigned: {leader2} (replacing 测试用户{s.leader.username})",
    ]


async def test_the_timeline_paginates(world: World) -> None:
    s = await scene(world)
    await _walk(s)
    everything = await _all(s, 200)
    assert len(everything) == 7
    for limit in (1, 2, 3):
        assert await _all(s, limit) == everything
    assert_problem(await s.get(s.office, "/timeline", limit=201), 422)
    assert_problem(await s.get(s.office, "/timeline", limit=0), 422)
    response = await s.get(s.office, "/timeline", cursor="bm90LWEtY3Vyc29y")
    assert pointers(assert_problem(response, 422)) == ["#"]


async def test_only_this_cases_events(world: World) -> None:
    s = await scene(world)
    other = await scene(world)
    await other.staff()
    assert (await s.get(s.office, "/timeline")).json() == {"items": [], "next_cursor": None}
    items = (await other.get(other.office, "/timeline")).json()["items"]
    assert len(items) == 3
    assert_problem(await s.get(other.office, "/timeline"), 404, "case_not_found")
