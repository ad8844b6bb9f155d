"""The other ways out of and back into the main path: terminate, refer, reopen; and refusals."""

from __future__ import annotations

import json

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.workflow.support import scene, transition_audits


async def test_terminate_needs_an_exhausted_procedure_and_a_leader(world: World) -> None:
    s = await scene(world, status="resolving")
    body = assert_problem(await s.act(s.office, "terminate"), 409, "procedure_exhausted")
    assert body["unmet_guards"] == ["procedure_exhausted", "leader_decision"]
    response = await s.act(s.office, "terminate", termination_basis="复核意见已送达")
    body = assert_problem(response, 409, "leader_decision")
    assert body["guard"] == "leader_decision"
    assert body["detail"] == "终结须由局领导决定"
    assert (await s.case_row())["status"] == "resolving"

    response = await s.act(s.leader, "terminate", termination_basis="经复查复核，诉求无新理由")
    assert response.status_code == 200, response.text
    row = await s.case_row()
    assert (row["status"], row["outcome_kind"]) == ("terminated", "terminated")
    assert row["termination_basis"] == "经复查复核，诉求无新理由"
    assert row["termination_decided_by"] == s.leader.id


async def test_a_recorded_re_review_exhausts_the_procedure(world: World) -> None:
    s = await scene(world, status="analysed")
    response = await s.get(s.leader, "/transitions")
    guards = {a["action"]: a["guards"] for a in response.json()["actions"]}["terminate"]
    assert guards[0] == {**guards[0], "guard": "procedure_exhausted", "met": None}
    await s.conn.execute(
        "INSERT INTO case_procedure (case_id, position, stage, organ) "
        "VALUES ($1, 0, 'initial', '县公证处'), ($1, 1, 're_review', '市司法局')",
        s.case_id,
    )
    response = await s.get(s.leader, "/transitions")
    guards = {a["action"]: a["guards"] for a in response.json()["actions"]}["terminate"]
    assert guards[0]["met"] is True
    response = await s.act(s.leader, "terminate")
    assert response.status_code == 200, response.text
    assert (await s.case_row())["termination_basis"] is None


async def test_refer_names_the_police_organ(world: World) -> None:
    s = await scene(world)  # registered: unlawful petitioning may be referred at once
    body = assert_problem(await s.act(s.office, "refer"), 409, "police_organ_named")
    assert body["unmet_guards"] == ["police_organ_named"]
    response = await s.act(s.office, "refer", police_organ="清溪县公安局")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "referred"
    assert (await s.case_row())["police_organ"] == "清溪县公安局"
    [audit] = await transition_audits(s.conn, s.case_id)
    assert json.loads(audit["after"])["police_organ"] == "清溪县公安局"


async def test_reopen_clears_the_outcome_and_keeps_the_people(world: World) -> None:
    s = await scene(
        world,
        status="resolved",
        outcome_kind="claim_resolved",
        outcome_note="已解决",
        commitment_signed=True,
    )
    await s.staff()
    response = await s.act(s.leader, "reopen")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "resolving"
    row = await s.case_row()
    assert row["reopen_count"] == 1
    assert (row["outcome_kind"], row["outcome_note"], row["commitment_signed"]) == (
        None,
        None,
        False,
    )
    active = (await s.get(s.office, "/assignments", active="true")).json()["items"]
    assert len(active) == 3
    [audit] = await transition_audits(s.conn, s.case_id)
    assert json.loads(audit["before"])["outcome_kind"] == "claim_resolved"
    assert json.loads(audit["after"])["reopen_count"] == 1

    # Resolving again needs a new commitment: the old one was broken.
    response = await s.act(s.office, "resolve", outcome_kind="claim_resolved")
    assert_problem(response, 409, "petitioning_stopped")


async def test_an_accepted_case_can_be_reopened(world: World) -> None:
    s = await scene(world, status="accepted", reopen_count=2)
    response = await s.act(s.office, "reopen")
    assert response.status_code == 200, response.text
    assert (await s.case_row())["reopen_count"] == 3


async def test_illegal_transitions_are_409(world: World) -> None:
    s = await scene(world)
    for action in ("resolve", "accept", "reopen", "approve_plan", "terminate"):
        response = await s.act(s.leader, action)
        body = assert_problem(response, 409, "transition_not_allowed")
        assert (body["case_status"], body["action"]) == ("registered", action)
    response = await s.client.post(
        s.url("/transitions"),
        json={"action": "accept", "reason": "验收"},
        headers={**world.auth(s.office), "Accept-Language": "en"},
    )
    body = assert_problem(response, 409, "transition_not_allowed")
    assert body["detail"] == "A case in status “Registered” cannot take the action “Accept”"
    assert await transition_audits(s.conn, s.case_id) == []


async def test_roles_that_may_not_take_an_action_get_403(world: World) -> None:
    s = await scene(world, status="analysed")
    await s.staff()
    assert_problem(await s.act(s.officer, "terminate"), 403, "action_forbidden")
    assert_problem(await s.act(s.office, "approve_plan"), 403, "action_forbidden")
    s2 = await scene(world)
    await s2.staff()
    assert_problem(await s2.act(s2.officer, "analyse"), 403, "action_forbidden")
    observer = await world.user(s.bureau, "observer")
    assert_problem(await s.act(observer, "refer"), 403, "forbidden")


async def test_bad_bodies_are_422(world: World) -> None:
    s = await scene(world)
    response = await s.post(s.office, "/transitions", {"action": "analyse"})
    assert pointers(assert_problem(response, 422, "validation_failed")) == ["#/reason"]
    response = await s.act(s.office, "analyse", police_organ="县公安局")
    assert pointers(assert_problem(response, 422)) == ["#/police_organ"]
    response = await s.act(s.office, "refer", reason=" x ")
    assert pointers(assert_problem(response, 422)) == ["#/reason"]
    response = await s.act(s.office, "fly")
    assert pointers(assert_problem(response, 422)) == ["#/action"]
    response = await s.act(s.office, "resolve", commitment_signed_on="2020-01-01")
    assert pointers(assert_problem(response, 422)) == ["#/commitment_signed_on"]
    assert (await s.case_row())["status"] == "registered"
