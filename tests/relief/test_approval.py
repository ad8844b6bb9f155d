"""Approval: the cap from the previous year's wage, exceptional amounts with a second leader,
four eyes, once per person per case, and the stop-petitioning commitment."""

from __future__ import annotations

import asyncio
import json

import asyncpg
import pytest

from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers
from tests.relief.conftest import MoveClock
from tests.relief.support import beijing, relief_scene

EXCEPTIONAL = {"exceptional": True, "exceptional_reason": "申请人身患重病，医疗费用远超标准"}


async def test_over_cap_needs_exceptional_and_a_second_leader(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world, wage_2025="1000.00")  # cap 36 000.00
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(amount_requested="50000.00"))["id"]
    await r.to_reviewed(app_id)

    response = await r.step(s.leader, app_id, "approve", amount_approved="36000.01")
    body = assert_problem(response, 409, "relief_over_cap")
    assert (body["cap"], body["amount_approved"]) == ("36000.00", "36000.01")
    assert "36000.00" in body["detail"]

    body = await r.ok(s.leader, app_id, "approve", amount_approved="50000", **EXCEPTIONAL)
    assert (body["step"], body["awaiting_second_approval"]) == ("reviewed", True)
    assert (body["amount_approved"], body["cap_amount"], body["exceptional"]) == (
        "50000.00",
        "36000.00",
        True,
    )
    # The first approver cannot be the second one; a different sum is not a confirmation.
    assert_problem(await r.step(s.leader, app_id, "approve"), 409, "relief_four_eyes")
    response = await r.step(s.leader2, app_id, "approve", amount_approved="49000.00")
    assert_problem(response, 409, "relief_approval_mismatch")

    body = await r.ok(s.leader2, app_id, "approve", opinion="同意特殊情况救助")
    assert (body["step"], body["awaiting_second_approval"]) == ("approved", False)
    approvals = [(h["actor"]["id"], h["step"]) for h in body["history"] if h["action"] == "approve"]
    assert approvals == [(str(s.leader.id), "reviewed"), (str(s.leader2.id), "approved")]
    row = await s.conn.fetchrow("SELECT * FROM relief_application WHERE id = $1::uuid", app_id)
    assert (row["first_approver_id"], row["decided_by"]) == (s.leader.id, s.leader2.id)


async def test_at_the_cap_one_leader_suffices(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world, wage_2025="1234.56")
    await r.standard(2025, "1234.56", multiple=24)  # corrected: cap 29 629.44
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(amount_requested="40000.00"))["id"]
    await r.to_reviewed(app_id)
    response = await r.step(r.s.leader, app_id, "approve", amount_approved="29629.45")
    assert assert_problem(response, 409, "relief_over_cap")["cap"] == "29629.44"
    # `exceptional` within the cap changes nothing: there is nothing to approve twice.
    body = await r.ok(r.s.leader, app_id, "approve", amount_approved="29629.44", **EXCEPTIONAL)
    assert (body["step"], body["exceptional"], body["exceptional_reason"]) == (
        "approved",
        False,
        None,
    )


async def test_the_standard_is_the_previous_years(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world, wage_2025=None)
    await r.standard(2026, "9000.00")  # this year's figure is not the one that applies
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create())["id"]
    await r.to_reviewed(app_id)
    response = await r.step(r.s.leader, app_id, "approve", amount_approved="100.00")
    body = assert_problem(response, 409, "relief_standard_missing")
    assert (body["province_code"], body["year"]) == ("51", 2025)
    await r.standard(2025, "10.00")
    response = await r.step(r.s.leader, app_id, "approve", amount_approved="361.00")
    assert_problem(response, 409, "relief_over_cap")


async def test_another_province_uses_its_own_standard(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(province_code="50"))["id"]
    await r.to_reviewed(app_id)
    response = await r.step(r.s.leader, app_id, "approve", amount_approved="100.00")
    assert assert_problem(response, 409, "relief_standard_missing")["province_code"] == "50"


@pytest.mark.parametrize("who", ["submitter", "reviewer"])
async def test_approver_is_neither_submitter_nor_reviewer(
    world: World, move_clock: MoveClock, who: str
) -> None:
    """Four eyes is a state conflict (409 relief_four_eyes): the leader holds the permission,
    this application just needs someone else."""
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(s.leader))["id"]
    await r.ok(s.leader if who == "submitter" else s.officer, app_id, "submit")
    await r.ok(s.office, app_id, "unit-opinion")
    await r.ok(s.leader if who == "reviewer" else s.office, app_id, "review")
    response = await r.step(s.leader, app_id, "approve", amount_approved="100.00")
    body = assert_problem(response, 409, "relief_four_eyes")
    assert body["detail"].startswith("救助须由申请提交人、审核人以外的领导批准")
    body = await r.ok(s.leader2, app_id, "approve", amount_approved="100.00")
    assert body["step"] == "approved"


async def test_once_per_person_per_case(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    first, second = (await r.create())["id"], (await r.create())["id"]
    await r.to_reviewed(first)
    await r.to_reviewed(second)
    await r.ok(s.leader, first, "approve", amount_approved="100.00")
    response = await r.step(s.leader, second, "approve", amount_approved="100.00")
    body = assert_problem(response, 409, "relief_already_granted")
    assert body["detail"] == "该信访人在本案中已获批司法救助，同一案件对同一当事人只救助一次"
    assert (await r.get(s.office, f"/{second}")).json()["step"] == "reviewed"

    # Still refused after the first moved on; another petitioner of the case may be granted.
    await r.ok(s.office, first, "disburse")
    assert_problem(await r.step(s.leader2, second, "approve", amount_approved="1"), 409)
    other = await r.petitioner(s.office, s.case_id)
    third = (await r.create(applicant_petitioner_id=str(other)))["id"]
    await r.to_reviewed(third)
    assert (await r.ok(s.leader, third, "approve", amount_approved="1"))["step"] == "approved"

    # The database holds the rule too, whatever path a row takes.
    with pytest.raises(asyncpg.UniqueViolationError):
        await s.conn.execute(
            "UPDATE relief_application SET step = 'approved' WHERE id = $1::uuid", second
        )


async def test_approval_amount_is_needed_and_at_most_requested(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(amount_requested="1000.00"))["id"]
    await r.to_reviewed(app_id)
    body = assert_problem(await r.step(r.s.leader, app_id, "approve"), 422, "validation_failed")
    assert pointers(body) == ["#/amount_approved"]
    response = await r.step(r.s.leader, app_id, "approve", amount_approved="1000.01")
    assert_problem(response, 409, "relief_amount_above_request")
    response = await r.step(r.s.leader, app_id, "approve", exceptional=True)
    assert pointers(assert_problem(response, 422)) == ["#/exceptional_reason"]


async def test_commitment_is_recorded_on_the_case(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create())["id"]
    await r.to_reviewed(app_id)
    before = await s.case_row()
    assert before["commitment_signed"] is False

    response = await r.step(
        s.leader, app_id, "approve", amount_approved="100", commitment_signed=True
    )
    assert pointers(assert_problem(response, 422)) == ["#/commitment_signed_on"]
    response = await r.step(
        s.leader,
        app_id,
        "approve",
        amount_approved="100",
        commitment_signed=True,
        commitment_signed_on="2026-11-03",
    )
    assert pointers(assert_problem(response, 422)) == ["#/commitment_signed_on"]
    assert (await s.case_row())["commitment_signed"] is False

    body = await r.ok(
        s.leader,
        app_id,
        "approve",
        amount_approved="100",
        commitment_signed=True,
        commitment_signed_on="2026-11-01",
    )
    assert (body["commitment_signed"], body["commitment_signed_on"]) == (True, "2026-11-01")
    case = await s.case_row()
    assert (case["commitment_signed"], str(case["commitment_signed_on"])) == (True, "2026-11-01")
    assert case["version"] == before["version"] + 1
    event = await s.conn.fetchrow(
        "SELECT after::text AS after FROM audit_event "
        "WHERE action = 'case.commitment_signed' AND case_id = $1",
        s.case_id,
    )
    assert json.loads(event["after"])["relief_application_id"] == app_id


async def test_concurrent_approvals_grant_once(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    ids = [(await r.create())["id"] for _ in range(3)]
    for app_id in ids:
        await r.to_reviewed(app_id)
    responses = await asyncio.gather(
        *(r.step(r.s.leader, app_id, "approve", amount_approved="100.00") for app_id in ids)
    )
    assert sorted(resp.status_code for resp in responses) == [200, 409, 409]
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409, "relief_already_granted")
    steps = await r.s.conn.fetch("SELECT step FROM relief_application ORDER BY step")
    assert [row["step"] for row in steps] == ["approved", "reviewed", "reviewed"]
