"""化解方案（五定）: versions kept, submitted plans frozen, four eyes on approval."""

from __future__ import annotations

import json

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.workflow.support import FULL_PLAN, scene


async def test_no_plan_yet_is_404(world: World) -> None:
    s = await scene(world)
    assert_problem(await s.get(s.office, "/plan"), 404, "plan_not_found")
    response = await s.get(s.office, "/plan/versions")
    assert response.status_code == 200 and response.json() == {"items": []}
    assert_problem(await s.post(s.office, "/plan/submit"), 404, "plan_not_found")


async def test_every_saved_version_is_kept(world: World) -> None:
    s = await scene(world)
    await s.staff()
    response = await s.put(s.officer, "/plan", {"personnel": "王芳", "measures": ["relief"]})
    assert response.status_code == 200, response.text
    first = response.json()
    assert (first["version_no"], first["status"], first["in_force"]) == (1, "draft", False)
    assert first["missing_fixes"] == ["time_limit", "requirements", "expected_effect"]
    assert first["author"]["id"] == str(s.officer.id)

    # Anyone's draft is superseded by a new version, never overwritten.
    response = await s.put(s.office, "/plan", {**FULL_PLAN, "measures": ["relief", "relief"]})
    second = response.json()
    assert (second["version_no"], second["missing_fixes"]) == (2, [])
    assert second["measures"] == ["relief"]

    versions = (await s.get(s.leader, "/plan/versions")).json()["items"]
    assert [(v["version_no"], v["personnel"]) for v in versions] == [
        (2, FULL_PLAN["personnel"]),
        (1, "王芳"),
    ]
    assert (await s.get(s.leader, "/plan")).json()["id"] == second["id"]
    saves = await s.conn.fetch(
        "SELECT * FROM audit_event WHERE case_id = $1 AND action = 'case.plan_save' ORDER BY id",
        s.case_id,
    )
    assert [json.loads(a["after"])["version_no"] for a in saves] == [1, 2]


async def test_submitting_needs_all_five_fixes(world: World) -> None:
    s = await scene(world)
    await s.staff()
    await s.put(s.officer, "/plan", {"personnel": "王芳", "requirements": "   "})
    body = assert_problem(await s.post(s.officer, "/plan/submit"), 409, "plan_incomplete")
    assert body["missing"] == ["measures", "time_limit", "requirements", "expected_effect"]
    assert body["detail"] == "化解方案“五定”不完整，缺少：定方案、定时限、定要求、定效果"
    await s.put(s.officer, "/plan", FULL_PLAN)
    response = await s.post(s.officer, "/plan/submit")
    assert response.status_code == 200, response.text
    assert response.json()["submitted_by"]["id"] == str(s.officer.id)
    # Submitted plans are decided, not edited, nor submitted twice.
    assert_problem(await s.put(s.officer, "/plan", FULL_PLAN), 409, "plan_submitted")
    assert_problem(await s.post(s.officer, "/plan/submit"), 409, "plan_not_draft")


async def test_the_author_cannot_approve_their_own_plan(world: World) -> None:
    s = await scene(world)
    await s.put(s.leader, "/plan", FULL_PLAN)
    await s.post(s.leader, "/plan/submit")
    response = await s.post(s.leader, "/plan/approve", {"comment": "同意"})
    assert_problem(response, 409, "plan_author_cannot_approve")
    assert (await s.get(s.leader, "/plan")).json()["status"] == "submitted"

    response = await s.post(s.leader2, "/plan/approve", {"comment": "同意，抓紧落实"})
    assert response.status_code == 200, response.text
    plan = response.json()
    assert (plan["status"], plan["in_force"]) == ("approved", True)
    assert plan["decided_by"]["id"] == str(s.leader2.id)
    assert plan["decision_comment"] == "同意，抓紧落实"
    assert_problem(await s.post(s.leader2, "/plan/approve", {}), 409, "plan_not_submitted")


async def test_only_leaders_decide(world: World) -> None:
    s = await scene(world)
    await s.staff()
    await s.put(s.officer, "/plan", FULL_PLAN)
    await s.post(s.officer, "/plan/submit")
    for user in (s.office, s.officer):
        assert_problem(await s.post(user, "/plan/approve", {}), 403, "forbidden")
        assert_problem(await s.post(user, "/plan/return", {"comment": "再议"}), 403)


async def test_returning_needs_a_comment_and_reopens_drafting(world: World) -> None:
    s = await scene(world)
    await s.put(s.office, "/plan", FULL_PLAN)
    await s.post(s.office, "/plan/submit")
    response = await s.post(s.leader, "/plan/return", {})
    assert pointers(assert_problem(response, 422)) == ["#/comment"]
    response = await s.post(s.leader, "/plan/return", {"comment": "  "})
    assert pointers(assert_problem(response, 422)) == ["#/comment"]
    response = await s.post(s.leader, "/plan/return", {"comment": "时限过长，请压缩"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "returned"
    audit = await s.conn.fetchrow(
        "SELECT * FROM audit_event WHERE action = 'case.plan_return' AND case_id = $1", s.case_id
    )
    assert audit is not None and audit["reason"] == "时限过长，请压缩"

    response = await s.put(s.office, "/plan", {**FULL_PLAN, "time_limit": "2027-06-30"})
    assert (response.json()["version_no"], response.json()["status"]) == (2, "draft")


async def test_re_planning_keeps_the_approved_plan_in_force(world: World) -> None:
    s = await scene(world, status="analysed")
    await s.staff()
    await s.approved_plan()
    response = await s.put(s.officer, "/plan", {**FULL_PLAN, "personnel": "增派律师"})
    draft = response.json()
    assert (draft["version_no"], draft["status"], draft["in_force"]) == (2, "draft", False)
    versions = (await s.get(s.officer, "/plan/versions")).json()["items"]
    assert [(v["version_no"], v["in_force"]) for v in versions] == [(2, False), (1, True)]
    # The case is still worked by version 1, so the plan guard is met.
    response = await s.act(s.leader, "approve_plan")
    assert response.status_code == 200, response.text


async def test_a_closed_case_is_not_re_planned(world: World) -> None:
    s = await scene(world, status="resolved")
    assert_problem(await s.put(s.office, "/plan", FULL_PLAN), 409, "case_closed")
    assert await s.conn.fetchval("SELECT count(*) FROM plan_version") == 0


async def test_bad_plans_are_422(world: World) -> None:
    s = await scene(world)
    response = await s.put(s.office, "/plan", {"measures": ["prayer"], "time_limit": "soon"})
    assert set(pointers(assert_problem(response, 422))) == {"#/measures/0", "#/time_limit"}
    response = await s.put(s.office, "/plan", {"personnel": "a\x00b"})
    assert pointers(assert_problem(response, 422)) == ["#/personnel"]
    response = await s.put(s.office, "/plan", {**FULL_PLAN, "approved": True})
    assert pointers(assert_problem(response, 422)) == ["#/approved"]
