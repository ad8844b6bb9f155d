"""A return visit finding the petitioner satisfied or accepting confirms they stopped petitioning
(息诉罢访): the `resolve` action no longer needs a signed commitment."""

from __future__ import annotations

from datetime import timedelta

import httpx

from tests.checkins.support import now, record, resolving_scene, visit
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.workflow.support import Scene


async def _resolve(s: Scene) -> httpx.Response:
    return await s.act(s.office, "resolve", outcome_kind="claim_resolved")


def _ago(hours: float) -> str:
    return (now() - timedelta(hours=hours)).isoformat()


async def test_a_satisfied_visit_lets_the_case_be_resolved(world: World) -> None:
    s = await resolving_scene(world)
    assert_problem(await _resolve(s), 409, "petitioning_stopped")
    await record(s, s.officer, visit(s.officer, attitude="satisfied"))
    transitions = (await s.get(s.office, "/transitions")).json()
    resolve = next(a for a in transitions["actions"] if a["action"] == "resolve")
    stopped = next(g for g in resolve["guards"] if g["guard"] == "petitioning_stopped")
    assert stopped["met"] is True
    response = await _resolve(s)
    assert response.status_code == 200, response.text
    row = await s.case_row()
    assert (row["status"], row["outcome_kind"]) == ("resolved", "claim_resolved")
    assert row["commitment_signed"] is False


async def test_an_accepting_visit_counts_too(world: World) -> None:
    s = await resolving_scene(world)
    await record(s, s.officer, visit(s.officer, attitude="accepting"))
    assert (await _resolve(s)).status_code == 200


async def test_a_dissatisfied_visit_does_not(world: World) -> None:
    s = await resolving_scene(world)
    for attitude in ("dissatisfied", "still_petitioning"):
        await record(s, s.officer, visit(s.officer, attitude=attitude))
        body = assert_problem(await _resolve(s), 409, "petitioning_stopped")
        assert body["guard"] == "petitioning_stopped"
    assert (await s.case_row())["status"] == "resolving"


async def test_the_latest_reached_visit_decides(world: World) -> None:
    s = await resolving_scene(world)
    await record(s, s.officer, visit(s.officer, attitude="satisfied", visited_at=_ago(5)))
    # Synced later but visited earlier: the order is the visits', not the uploads'.
    await record(s, s.officer, visit(s.officer, attitude="dissatisfied", visited_at=_ago(3)))
    assert_problem(await _resolve(s), 409, "petitioning_stopped")
    # Not reaching the petitioner says nothing about their attitude.
    unreached = visit(s.officer, attitude="unreachable", could_not_visit=True, visited_at=_ago(1))
    await record(s, s.officer, unreached)
    assert_problem(await _resolve(s), 409, "petitioning_stopped")
    await record(s, s.officer, visit(s.officer, attitude="accepting", visited_at=_ago(2)))
    assert (await _resolve(s)).status_code == 200


async def test_visits_before_the_case_entered_resolving_do_not_count(world: World) -> None:
    s = await resolving_scene(world)
    await record(s, s.officer, visit(s.officer, visited_at=(now() - timedelta(days=3)).isoformat()))
    assert_problem(await _resolve(s), 409, "petitioning_stopped")


async def test_a_reopened_case_needs_a_new_confirming_visit(world: World) -> None:
    s = await resolving_scene(world)
    await record(s, s.officer, visit(s.officer, visited_at=_ago(2)))
    assert (await _resolve(s)).status_code == 200
    response = await s.act(s.office, "reopen")
    assert response.status_code == 200, response.text
    assert_problem(await _resolve(s), 409, "petitioning_stopped")
    await record(s, s.officer, visit(s.officer, visited_at=now().isoformat()))
    assert (await _resolve(s)).status_code == 200
