"""The main path registered → analysed → plan_approved → resolving → resolved → accepted, with
every guard of every step refused first."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import httpx

from anjie.core import clock
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.workflow.support import SUMMARY_DAY, Scene, scene, transition_audits


def refused(response: httpx.Response, guard: str, *unmet: str) -> dict[str, Any]:
    body = assert_problem(response, 409, guard)
    assert body["guard"] == guard
    assert body["unmet_guards"] == [guard, *unmet]
    return body


def moved(response: httpx.Response, status: str) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


async def _analyse(s: Scene) -> None:
    await s.conn.execute(
        "UPDATE petition_case SET cause = NULL, crux = '  ' WHERE id = $1", s.case_id
    )
    body = refused(
        await s.act(s.office, "analyse"),
        "cause_and_crux_recorded",
        "responsible_leader_assigned",
        "responsible_department_assigned",
        "responsible_person_assigned",
    )
    assert "尚未填写信访原因和症结" in body["detail"]
    await s.conn.execute(
        "UPDATE petition_case SET cause = '原因', crux = '症结' WHERE id = $1", s.case_id
    )
    refused(
        await s.act(s.office, "analyse"),
        "responsible_leader_assigned",
        "responsible_department_assigned",
        "responsible_person_assigned",
    )
    assert (await s.assign("responsible_leader", user=s.leader)).status_code == 201
    refused(
        await s.act(s.leader, "analyse"),
        "responsible_department_assigned",
        "responsible_person_assigned",
    )
    assert (await s.assign("responsible_department", unit=s.section)).status_code == 201
    refused(await s.act(s.office, "analyse"), "responsible_person_assigned")
    assert (await s.assign("responsible_person", user=s.officer)).status_code == 201
    assert (await s.case_row())["status"] == "registered"  # nothing moved while refused
    moved(await s.act(s.office, "analyse"), "analysed")


async def _approve_plan(s: Scene) -> None:
    refused(await s.act(s.leader, "approve_plan"), "plan_approved_by_leader")
    full = {
        "personnel": "王芳",
        "measures": ["counselling"],
        "time_limit": "2030-06-30",
        "requirements": "按月报告",
        "expected_effect": "息诉罢访",
    }
    assert (await s.put(s.officer, "/plan", full)).status_code == 200
    assert (await s.post(s.officer, "/plan/submit")).status_code == 200
    # Submitted is not approved.
    refused(await s.act(s.leader, "approve_plan"), "plan_approved_by_leader")
    assert (await s.post(s.leader, "/plan/approve", {})).status_code == 200
    moved(await s.act(s.leader, "approve_plan"), "plan_approved")


async def _resolve(s: Scene) -> None:
    refused(await s.act(s.office, "resolve"), "outcome_recorded", "petitioning_stopped")
    refused(
        await s.act(s.office, "resolve", outcome_kind="terminated", commitment_signed=True),
        "outcome_recorded",
    )
    refused(
        await s.act(s.office, "resolve", outcome_kind="educated", commitment_signed=False),
        "petitioning_stopped",
    )
    body = moved(
        await s.act(
            s.office,
            "resolve",
            outcome_kind="educated",
            outcome_note="经释法明理，信访人认可",
            commitment_signed=True,
            commitment_signed_on="2026-01-05",
        ),
        "resolved",
    )
    row = await s.case_row()
    assert (row["outcome_kind"], row["outcome_note"]) == ("educated", "经释法明理，信访人认可")
    assert row["commitment_signed"] is True
    assert row["commitment_signed_on"] == date(2026, 1, 5)
    assert [a["action"] for a in body["actions"]] == ["accept", "reopen"]


async def test_the_whole_path_refusing_each_unmet_guard(world: World) -> None:
    s = await scene(world)
    await _analyse(s)
    await _approve_plan(s)
    body = moved(await s.act(s.officer, "start_resolving"), "resolving")
    assert body["status_label"] == "化解中"
    await _resolve(s)

    # Acceptance is for the summary phase; today (2026) is in no phase of the 2010 campaign.
    body = refused(await s.act(s.office, "accept"), "summary_phase")
    assert body["action"] == "accept"
    clock.set_clock(lambda: SUMMARY_DAY)
    try:
        body = moved(await s.act(s.office, "accept"), "accepted")
    finally:
        clock.set_clock(None)
    assert [a["action"] for a in body["actions"]] == ["reopen"]
    row = await s.case_row()
    assert row["status"] == "accepted"
    assert row["status_changed_at"] == SUMMARY_DAY
    assert row["updated_at"] == SUMMARY_DAY

    audits = await transition_audits(s.conn, s.case_id)
    steps = [json.loads(a["after"])["action"] for a in audits]
    assert steps == ["analyse", "approve_plan", "start_resolving", "resolve", "accept"]
    for audit, step in zip(audits, steps, strict=True):
        assert audit["reason"] == f"{step}：依据工作方案"
        assert audit["entity_type"] == "case"
        assert audit["org_unit_id"] == s.bureau.id
    resolve = audits[3]
    assert json.loads(resolve["before"]) == {
        "status": "resolving",
        "outcome_kind": None,
        "outcome_note": None,
        "commitment_signed": False,
        "commitment_signed_on": None,
    }
    after = json.loads(resolve["after"])
    assert (after["status"], after["outcome_kind"]) == ("resolved", "educated")


async def test_the_list_of_actions_shows_what_stands_in_the_way(world: World) -> None:
    s = await scene(world, status="analysed")
    response = await s.get(s.leader, "/transitions", lang="en")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["status_label"]) == ("analysed", "Analysed")
    actions = {a["action"]: a for a in body["actions"]}
    assert set(actions) == {"approve_plan", "terminate", "refer"}
    approve = actions["approve_plan"]
    assert (approve["ready"], approve["unmet_guards"]) == (False, ["plan_approved_by_leader"])
    assert approve["guards"][0]["detail"].startswith("No resolution plan")
    terminate = {g["guard"]: g for g in actions["terminate"]["guards"]}
    assert terminate["procedure_exhausted"]["met"] is None  # the request may give a basis
    assert terminate["procedure_exhausted"]["fields"] == ["termination_basis"]
    assert terminate["leader_decision"]["met"] is True
    assert actions["refer"]["ready"] is True

    # The office does not decide plans; for it termination waits on a leader.
    response = await s.get(s.office, "/transitions")
    actions = {a["action"]: a for a in response.json()["actions"]}
    assert set(actions) == {"terminate", "refer"}
    assert actions["terminate"]["unmet_guards"] == ["leader_decision"]
    assert actions["terminate"]["label"] == "终结"

    # An observer reads the case but takes no action.
    observer = await world.user(s.bureau, "observer")
    response = await s.get(observer, "/transitions")
    assert response.status_code == 200
    assert response.json()["actions"] == []


async def test_versions_and_if_match(world: World) -> None:
    s = await scene(world)
    await s.staff()
    response = await s.client.post(
        s.url("/transitions"),
        json={"action": "analyse", "reason": "研判完毕"},
        headers={**world.auth(s.office), "If-Match": '"7"'},
    )
    assert_problem(response, 412, "precondition_failed")
    response = await s.client.post(
        s.url("/transitions"),
        json={"action": "analyse", "reason": "研判完毕"},
        headers={**world.auth(s.office), "If-Match": '"1"'},
    )
    assert moved(response, "analysed")["version"] == 2
    assert (await s.case_row())["version"] == 2
