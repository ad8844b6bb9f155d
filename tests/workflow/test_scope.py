"""Outside the caller's scope a case does not exist: 404 for every workflow sub-resource."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.workflow.support import FULL_PLAN, Scene, scene

if TYPE_CHECKING:  # imported at run time, pytest would try to collect it as a test class
    from tests.factories import TestUser


async def _all_404(s: Scene, user: TestUser) -> None:
    reads = ("/transitions", "/plan", "/plan/versions", "/assignments", "/timeline")
    for tail in reads:
        assert_problem(await s.get(user, tail), 404, "case_not_found")
    if "observer" in user.roles:
        return  # reads only; its writes are refused by role (403) before any case is looked up
    writes = [
        await s.act(user, "refer", police_organ="县公安局"),
        await s.put(user, "/plan", FULL_PLAN),
        await s.post(user, "/plan/submit"),
    ]
    if "officer" not in user.roles:
        writes.append(await s.assign("team_member", user=user, by=user))
    if "leader" in user.roles:
        writes.append(await s.post(user, "/plan/approve", {}))
    for response in writes:
        assert_problem(response, 404, "case_not_found")


async def test_an_officer_not_assigned_sees_nothing(world: World) -> None:
    s = await scene(world)
    await s.staff()
    await _all_404(s, s.stranger)
    assert (await s.case_row())["status"] == "registered"
    assert await s.conn.fetchval("SELECT count(*) FROM plan_version") == 0

    # Once on the team, the officer works the case.
    assert (await s.assign("team_member", user=s.stranger)).status_code == 201
    response = await s.get(s.stranger, "/transitions")
    assert response.status_code == 200
    assert response.json()["actions"] == []  # registered: nothing an officer may do yet


async def test_an_assigned_officer_starts_resolving(world: World) -> None:
    s = await scene(world, status="plan_approved")
    assert_problem(await s.act(s.officer, "start_resolving"), 404, "case_not_found")
    await s.assign("team_member", user=s.officer)
    response = await s.get(s.officer, "/transitions")
    assert [a["action"] for a in response.json()["actions"]] == ["start_resolving"]
    response = await s.act(s.officer, "start_resolving")
    assert response.status_code == 200, response.text
    assert response.json()["actions"] == []


async def test_a_sibling_bureau_sees_nothing(world: World) -> None:
    s = await scene(world)
    await s.staff()
    for role in ("leader", "office", "observer"):
        await _all_404(s, await world.user(s.sibling, role))


async def test_a_unit_above_sees_its_subtree(world: World) -> None:
    s = await scene(world)
    county_office = await world.user(s.county, "office")
    response = await s.get(county_office, "/transitions")
    assert response.status_code == 200
    assert [a["action"] for a in response.json()["actions"]] == ["analyse", "refer"]
