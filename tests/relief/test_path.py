"""The whole relief path, its working-day time limits on the 2026 official calendar, overdue.

2026 as chinesecalendar 1.11 carries the State Council arrangement: 09-20 (Sunday) is an
adjusted working day, 09-25..27 Mid-autumn Festival, 10-01..07 National Day, 10-10 (Saturday)
an adjusted working day.
"""

from __future__ import annotations

import json
from datetime import time

import pytest

from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.relief.conftest import MoveClock
from tests.relief.support import beijing, due, relief_scene


async def test_full_path_to_notified_with_working_day_due_dates(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-09-25"))
    app = await r.create(amount_requested="12345.6")
    app_id = app["id"]
    assert (app["step"], app["due_at"], app["overdue"]) == ("draft", None, False)
    assert app["amount_requested"] == "12345.60"

    # Submitted Monday 09-28: ten working days are 09-29, 09-30, then 10-08, 10-09, the
    # working Saturday 10-10, 10-12 … 10-16.
    move_clock(beijing("2026-09-28"))
    body = await r.ok(s.officer, app_id, "submit")
    assert (body["step"], body["due_at"], body["overdue"]) == (
        "submitted",
        due("2026-10-16"),
        False,
    )

    move_clock(beijing("2026-10-15"))
    body = await r.ok(s.office, app_id, "unit-opinion", opinion="情况属实，建议救助")
    assert (body["step"], body["due_at"]) == ("unit_opinion", due("2026-10-29"))

    move_clock(beijing("2026-10-20"))
    body = await r.ok(s.office, app_id, "review")
    assert (body["step"], body["due_at"]) == ("reviewed", None)

    move_clock(beijing("2026-10-21"))
    body = await r.ok(s.leader, app_id, "approve", amount_approved="12000")
    assert (body["step"], body["amount_approved"], body["due_at"]) == ("approved", "12000.00", None)
    assert (body["cap_amount"], body["standard_year"], body["exceptional"]) == (
        "36000.00",
        2025,
        False,
    )

    # Disbursed Friday 10-23: the applicant is told by Tuesday 10-27.
    move_clock(beijing("2026-10-23"))
    body = await r.ok(s.office, app_id, "disburse", opinion="已通过银行转账发放")
    assert (body["step"], body["due_at"]) == ("disbursed", due("2026-10-27"))

    move_clock(beijing("2026-10-26"))
    body = await r.ok(s.office, app_id, "notify", opinion="已电话告知申请人")
    assert (body["step"], body["due_at"], body["overdue"]) == ("notified", None, False)

    history = [(h["action"], h["step"], h["actor"]["id"]) for h in body["history"]]
    assert history == [
        ("create", "draft", str(s.officer.id)),
        ("submit", "submitted", str(s.officer.id)),
        ("unit_opinion", "unit_opinion", str(s.office.id)),
        ("review", "reviewed", str(s.office.id)),
        ("approve", "approved", str(s.leader.id)),
        ("disburse", "disbursed", str(s.office.id)),
        ("notify", "notified", str(s.office.id)),
    ]
    assert body["history"][1]["at"] == "2026-09-28T02:00:00Z"
    assert body["history"][2]["opinion"] == "情况属实，建议救助"
    assert body["history"][4]["amount"] == "12000.00"

    events = await s.conn.fetch(
        "SELECT action, case_id, after::text AS after FROM audit_event "
        "WHERE entity_type = 'relief_application' ORDER BY id"
    )
    assert [e["action"] for e in events] == [
        "relief.create",
        "relief.submit",
        "relief.unit_opinion",
        "relief.review",
        "relief.approve",
        "relief.disburse",
        "relief.notify",
    ]
    assert {e["case_id"] for e in events} == {s.case_id}
    approved = json.loads(events[4]["after"])
    assert (approved["amount_approved"], approved["amount_requested"]) == ("12000.00", "12345.60")


@pytest.mark.parametrize(
    ("submitted", "unit_opinion_due"),
    [
        ("2026-09-28", "2026-10-16"),  # across National Day, counting the working Saturday
        ("2026-09-18", "2026-10-09"),  # the working Sunday 09-20 counts; Mid-autumn does not
        ("2026-09-30", "2026-10-20"),
    ],
)
async def test_unit_opinion_due_counts_official_working_days(
    world: World, move_clock: MoveClock, submitted: str, unit_opinion_due: str
) -> None:
    r = await relief_scene(world)
    move_clock(beijing(submitted))
    app = await r.create()
    body = await r.ok(r.s.officer, app["id"], "submit")
    assert body["due_at"] == due(unit_opinion_due)


async def test_overdue_once_the_clock_passes_due_at(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-09-28"))
    late = (await r.create())["id"]
    await r.ok(r.s.officer, late, "submit")
    waiting = (await r.create())["id"]  # a draft runs no clock

    move_clock(beijing("2026-10-16", time(23, 59, 59)))
    body = (await r.get(r.s.office, f"/{late}")).json()
    assert (body["due_at"], body["overdue"]) == (due("2026-10-16"), False)
    overdue = (await r.get(r.s.office, overdue="true")).json()["items"]
    assert overdue == []

    move_clock(beijing("2026-10-17", time(0, 0, 0)))
    assert (await r.get(r.s.office, f"/{late}")).json()["overdue"] is True
    overdue = (await r.get(r.s.office, overdue="true")).json()["items"]
    assert [a["id"] for a in overdue] == [late]
    on_time = (await r.get(r.s.office, overdue="false")).json()["items"]
    assert [a["id"] for a in on_time] == [waiting]

    # Giving the unit opinion stops that clock and starts the review's.
    body = await r.ok(r.s.office, late, "unit-opinion")
    assert (body["due_at"], body["overdue"]) == (due("2026-10-30"), False)


async def test_notification_due_skips_national_day(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-09-30"))
    app_id = (await r.create())["id"]
    await r.to_reviewed(app_id)
    await r.ok(r.s.leader, app_id, "approve", amount_approved="20000.00")
    body = await r.ok(r.s.office, app_id, "disburse")
    assert body["due_at"] == due("2026-10-09")
    move_clock(beijing("2026-10-10", time(0, 0, 1)))
    assert (await r.get(r.s.office, f"/{app_id}")).json()["overdue"] is True


async def test_a_due_date_in_an_unknown_year_is_409(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    # Ten working days after Christmas Eve 2026 run into 2027, which the package does not know.
    move_clock(beijing("2026-12-24"))
    app_id = (await r.create())["id"]
    body = assert_problem(await r.step(r.s.officer, app_id, "submit"), 409, "calendar_year_unknown")
    assert "2027" in body["detail"]
    after = (await r.get(r.s.office, f"/{app_id}")).json()
    assert (after["step"], after["due_at"], len(after["history"])) == ("draft", None, 1)


async def test_steps_happen_in_order_and_only_once(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create())["id"]
    for user, action in (
        (r.s.office, "review"),
        (r.s.office, "unit-opinion"),
        (r.s.leader, "approve"),
        (r.s.office, "disburse"),
        (r.s.office, "notify"),
    ):
        body = assert_problem(await r.step(user, app_id, action), 409, "relief_step_invalid")
        assert body["step"] == "draft"
        assert body["detail"] == "救助申请处于“草稿”环节，不能执行此操作"
    await r.ok(r.s.officer, app_id, "submit")
    assert_problem(await r.step(r.s.officer, app_id, "submit"), 409, "relief_step_invalid")

    # A leader may refuse at any point before the decision; the opinion is the explanation.
    body = await r.ok(r.s.leader, app_id, "reject", opinion="申请人家庭收入高于当地低保标准")
    assert (body["step"], body["due_at"]) == ("rejected", None)
    for user, action in ((r.s.office, "disburse"), (r.s.office, "notify"), (r.s.leader, "approve")):
        assert_problem(await r.step(user, app_id, action), 409, "relief_step_invalid")


async def test_roles_per_action(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create())["id"]
    await r.ok(r.s.officer, app_id, "submit")
    # An officer cannot give the unit's opinion nor review; the office cannot approve.
    assert_problem(await r.step(r.s.officer, app_id, "unit-opinion"), 403, "forbidden")
    await r.ok(r.s.office, app_id, "unit-opinion")
    assert_problem(await r.step(r.s.officer, app_id, "review"), 403, "forbidden")
    await r.ok(r.s.office, app_id, "review")
    response = await r.step(r.s.office, app_id, "approve", amount_approved="100.00")
    assert_problem(response, 403, "forbidden")
    assert_problem(await r.step(r.s.office, app_id, "reject"), 403, "forbidden")
    # An opinion is part of every step.
    response = await r.post(r.s.leader, f"/{app_id}/approve", {"amount_approved": "100.00"})
    body = assert_problem(response, 422, "validation_failed")
    assert [e["pointer"] for e in body["errors"]] == ["#/opinion"]
