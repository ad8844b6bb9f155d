"""包案: who answers for the case, with the history of every change."""

from __future__ import annotations

import json
import uuid

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.workflow.support import scene


async def test_replacing_the_responsible_person_ends_the_old_one(world: World) -> None:
    s = await scene(world)
    first = await s.assign("responsible_person", user=s.officer, reason="熟悉公证业务")
    assert first.status_code == 201, first.text
    created = first.json()
    assert created["user"] == {
        "id": str(s.officer.id),
        "display_name": f"测试用户{s.officer.username}",
        "post": None,
    }
    assert created["assigned_by"] == {
        "id": str(s.office.id),
        "display_name": f"测试用户{s.office.username}",
    }
    assert (created["active"], created["ended_at"], created["org_unit"]) == (True, None, None)

    second = await s.assign(
        "responsible_person", user=s.stranger, by=s.leader, reason="原责任人调岗"
    )
    assert second.status_code == 201, second.text

    items = (await s.get(s.office, "/assignments")).json()["items"]
    assert [i["id"] for i in items] == [second.json()["id"], created["id"]]
    old = items[1]
    assert old["active"] is False and old["ended_at"] is not None
    assert old["ended_by"]["id"] == str(s.leader.id)
    assert (old["reason"], old["end_reason"]) == ("熟悉公证业务", "原责任人调岗")
    assert old["started_at"] <= old["ended_at"] == items[0]["started_at"]

    active = (await s.get(s.office, "/assignments", active="true")).json()["items"]
    assert [i["user"]["id"] for i in active] == [str(s.stranger.id)]
    history = (await s.get(s.office, "/assignments", active="false")).json()["items"]
    assert [i["id"] for i in history] == [created["id"]]

    audits = await s.conn.fetch(
        "SELECT * FROM audit_event WHERE case_id = $1 AND action = 'case.assignment' ORDER BY id",
        s.case_id,
    )
    assert [a["reason"] for a in audits] == ["熟悉公证业务", "原责任人调岗"]
    assert json.loads(audits[0]["before"]) is None
    assert json.loads(audits[1]["before"])["user_id"] == str(s.officer.id)
    assert json.loads(audits[1]["after"])["user_name"] == f"测试用户{s.stranger.username}"


async def test_one_holder_per_single_role_many_team_members(world: World) -> None:
    s = await scene(world)
    assert (await s.assign("team_member", user=s.officer)).status_code == 201
    assert (await s.assign("team_member", user=s.stranger)).status_code == 201
    again = await s.assign("team_member", user=s.officer)
    assert_problem(again, 409, "already_assigned")
    assert (await s.assign("main_responsible", user=s.leader)).status_code == 201
    assert_problem(await s.assign("main_responsible", user=s.leader), 409, "already_assigned")
    rows = await s.conn.fetch(
        "SELECT role_in_case FROM case_assignment WHERE case_id = $1 AND ended_at IS NULL",
        s.case_id,
    )
    assert sorted(r["role_in_case"] for r in rows) == [
        "main_responsible",
        "team_member",
        "team_member",
    ]


async def test_the_responsible_leader_must_be_an_active_leader(world: World) -> None:
    s = await scene(world)
    body = assert_problem(
        await s.assign("responsible_leader", user=s.office), 409, "assignee_not_leader"
    )
    assert body["detail"] == "包案领导须由局领导担任"
    retired = await world.user(s.bureau, "leader", active=False)
    assert_problem(await s.assign("responsible_leader", user=retired), 409, "assignee_inactive")
    assert (await s.assign("responsible_leader", user=s.leader2)).status_code == 201
    count = await s.conn.fetchval(
        "SELECT count(*) FROM case_assignment WHERE case_id = $1", s.case_id
    )
    assert count == 1


async def test_people_and_units_outside_the_subtree_are_404(world: World) -> None:
    s = await scene(world)
    outsider = await world.user(s.sibling, "leader")
    assert_problem(await s.assign("responsible_leader", user=outsider), 404, "assignee_not_found")
    response = await s.assign("responsible_department", unit=s.sibling)
    assert_problem(response, 404, "assignee_not_found")
    response = await s.assign("team_member", user=s.officer, reason="x" * 2)
    assert response.status_code == 201
    ghost = await s.post(
        s.office,
        "/assignments",
        {"role_in_case": "team_member", "user_id": str(uuid.uuid4()), "reason": "指定"},
    )
    assert_problem(ghost, 404, "assignee_not_found")


async def test_a_department_is_a_unit_and_everyone_else_a_person(world: World) -> None:
    s = await scene(world)
    response = await s.assign("responsible_department", user=s.officer)
    assert pointers(assert_problem(response, 422)) == ["#/org_unit_id"]
    response = await s.assign("responsible_department", unit=s.section, user=s.officer)
    assert pointers(assert_problem(response, 422)) == ["#/user_id"]
    response = await s.assign("responsible_person", unit=s.section)
    assert pointers(assert_problem(response, 422)) == ["#/user_id"]
    response = await s.post(
        s.office, "/assignments", {"role_in_case": "responsible_person", "user_id": "x"}
    )
    assert set(pointers(assert_problem(response, 422))) == {"#/user_id", "#/reason"}
    response = await s.assign("responsible_department", unit=s.section)
    assert response.status_code == 201
    assert response.json()["org_unit"] == {"id": str(s.section.id), "name": "信访股"}
    assert response.json()["user"] is None


async def test_ending_an_assignment(world: World) -> None:
    s = await scene(world)
    created = (await s.assign("team_member", user=s.officer)).json()
    url = f"/assignments/{created['id']}/end"
    assert pointers(assert_problem(await s.post(s.office, url, {}), 422)) == ["#/reason"]
    response = await s.post(s.leader, url, {"reason": "专班调整"})
    assert response.status_code == 200, response.text
    ended = response.json()
    assert (ended["active"], ended["end_reason"]) == (False, "专班调整")
    assert ended["ended_by"]["id"] == str(s.leader.id)
    assert_problem(await s.post(s.office, url, {"reason": "再结束"}), 409, "assignment_ended")
    missing = f"/assignments/{uuid.uuid4()}/end"
    assert_problem(await s.post(s.office, missing, {"reason": "结束"}), 404, "assignment_not_found")
    audit = await s.conn.fetchrow(
        "SELECT * FROM audit_event WHERE action = 'case.assignment_end' AND case_id = $1",
        s.case_id,
    )
    assert audit is not None and audit["reason"] == "专班调整"
    # The officer no longer works the case, so no longer sees it.
    assert_problem(await s.get(s.officer, "/assignments"), 404, "case_not_found")


async def test_officers_do_not_assign(world: World) -> None:
    s = await scene(world)
    await s.staff()
    response = await s.assign("team_member", user=s.stranger, by=s.officer)
    assert_problem(response, 403, "forbidden")
    # …but they read who works their case.
    response = await s.get(s.officer, "/assignments")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 3


async def test_an_idempotency_key_replays_the_create(world: World) -> None:
    s = await scene(world)
    body = {"role_in_case": "team_member", "user_id": str(s.officer.id), "reason": "加入专班"}
    headers = {**world.auth(s.office), "Idempotency-Key": "assign-0001-abcdef"}
    first = await s.client.post(s.url("/assignments"), json=body, headers=headers)
    again = await s.client.post(s.url("/assignments"), json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    count = await s.conn.fetchval(
        "SELECT count(*) FROM case_assignment WHERE case_id = $1", s.case_id
    )
    assert count == 1
