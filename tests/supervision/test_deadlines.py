"""Deadlines through HTTP on real PostgreSQL: made and closed by the domain facts, counted on
the official calendar, worked by people (pause, extend, meet, waive), scoped like their cases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from anjie.core import clock
from tests import factories
from tests.cases.support import bureau, case_body, make_campaign
from tests.checkins.support import post_visit, visit
from tests.factories import World
from tests.relief.support import relief_scene
from tests.workflow.support import FULL_PLAN, Scene, scene

DEADLINES = "/api/v1/deadlines"


@pytest.fixture
def at() -> Iterator[Any]:
    """Freeze the app's clock at noon (Beijing) of a day; the system clock is back after."""

    def move(day: date, hour: int = 12) -> None:
        moment = clock.noon_in_shanghai(day).replace(hour=hour - 8)
        clock.set_clock(lambda: moment)

    try:
        yield move
    finally:
        clock.set_clock(None)


async def deadlines(world: World, user: factories.TestUser, **params: Any) -> list[dict[str, Any]]:
    response = await world.client.get(DEADLINES, headers=world.auth(user), params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def of_kind(items: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in items if d["kind"] == kind]


async def register(world: World, on: date, **overrides: Any) -> tuple[Any, dict[str, Any]]:
    b = await bureau(world)
    body = case_body(b.campaign_id, registered_on=on.isoformat(), **overrides)
    response = await world.client.post("/api/v1/cases", json=body, headers=world.auth(b.office))
    assert response.status_code == 201, response.text
    return b, response.json()


@pytest.mark.parametrize(
    ("registered", "due"),
    [
        # 15 calendar days end on 1 October 2026, a holiday: the period runs to the next
        # working day after the National Day week.
        (date(2026, 9, 16), date(2026, 10, 8)),
        # … and one ending on Sunday 11 October ends on Monday the 12th (10 October, a
        # Saturday, is an adjusted working day, but it is not the last day).
        (date(2026, 9, 26), date(2026, 10, 12)),
        # An ordinary Tuesday stays as it is.
        (date(2026, 3, 2), date(2026, 3, 17)),
    ],
)
async def test_registering_a_case_opens_its_plan_deadline_on_the_official_calendar(
    world: World, at: Any, registered: date, due: date
) -> None:
    at(registered)
    b, case = await register(world, registered)

    plan = of_kind(await deadlines(world, b.office, case_id=case["id"]), "plan_submission")
    assert len(plan) == 1
    assert (plan[0]["starts_on"], plan[0]["due_on"]) == (registered.isoformat(), due.isoformat())
    assert plan[0]["due_at"] == f"{due.isoformat()}T15:59:59Z"
    assert (plan[0]["status"], plan[0]["subject_type"]) == ("open", "case")
    # The case records its earlier handling, so the petition clocks of a new matter do not run.
    assert of_kind(await deadlines(world, b.office, case_id=case["id"]), "petition_handling") == []


async def test_a_matter_in_its_first_handling_gets_the_regulations_clocks(
    world: World, at: Any
) -> None:
    at(date(2026, 3, 2))
    body = {"procedures": [], "latest_petition_on": "2026-02-27"}
    body["receiving_organs"] = [
        {
            "organ": "municipal_justice_bureau",
            "reference_number": "市司信〔2026〕1号",
            "received_on": "2026-02-27",
        }
    ]
    b, case = await register(world, date(2026, 3, 2), first_petition_on="2026-02-27", **body)

    found = {d["kind"]: d for d in await deadlines(world, b.office, case_id=case["id"])}
    # 15 and 60 days from receipt (27 February): 14 March is a Saturday, 28 April a Tuesday.
    assert found["petition_acceptance"]["due_on"] == "2026-03-16"
    assert found["petition_handling"]["due_on"] == "2026-04-28"


async def _to_plan_approved(s: Scene, plan: dict[str, Any]) -> None:
    await s.staff()
    assert (await s.act(s.office, "analyse")).status_code == 200
    assert (await s.put(s.officer, "/plan", plan)).status_code == 200
    assert (await s.post(s.officer, "/plan/submit")).status_code == 200
    assert (await s.post(s.leader, "/plan/approve", {"comment": "同意"})).status_code == 200


async def test_submitting_meets_the_plan_clock_and_approval_sets_the_resolution_time_limit(
    world: World, at: Any
) -> None:
    at(date(2010, 7, 5))
    s = await scene(world)
    # The case was registered (by row) before: open its plan clock as registration would.
    await s.conn.execute(
        "INSERT INTO deadline (id, kind, subject_type, subject_id, case_id, campaign_id, "
        "org_unit_id, unit, starts_on, base_due_on, due_on, due_at, status) VALUES "
        "($1, 'plan_submission', 'case', $2, $2, $3, $4, 'calendar_days', '2010-06-10', "
        "'2010-06-25', '2010-06-25', '2010-06-25 15:59:59+00', 'open')",
        uuid.uuid4(),
        s.case_id,
        s.campaign_id,
        s.bureau.id,
    )
    await _to_plan_approved(s, {**FULL_PLAN, "time_limit": "2010-11-30"})

    found = {d["kind"]: d for d in await deadlines(world, s.office, case_id=str(s.case_id))}
    # Submitted on 5 July, after its last day: met, but late.
    assert found["plan_submission"]["status"] == "met_late"
    assert found["plan_submission"]["closed_by"] == str(s.officer.id)
    resolution = found["resolution"]
    assert (resolution["due_on"], resolution["status"]) == ("2010-11-30", "open")
    # The responsible person answers for it.
    assert resolution["responsible_user_id"] == str(s.officer.id)


async def test_the_resolution_time_limit_never_passes_the_campaigns_target(
    world: World, at: Any
) -> None:
    at(date(2010, 7, 5))
    s = await scene(world)
    await _to_plan_approved(s, FULL_PLAN)  # a time limit in 2030

    resolution = of_kind(await deadlines(world, s.office, case_id=str(s.case_id)), "resolution")
    # The campaign's target, 31 December 2010 (a Friday).
    assert [d["due_on"] for d in resolution] == ["2010-12-31"]


async def test_resolving_schedules_return_visits_every_30_days_and_a_visit_meets_one(
    world: World, at: Any
) -> None:
    at(date(2026, 3, 2))
    s = await scene(world)
    await _to_plan_approved(s, {**FULL_PLAN, "time_limit": "2026-09-30"})
    await s.conn.execute(
        "UPDATE campaign SET resolution_target = '2026-12-31' WHERE id = $1", s.campaign_id
    )
    assert (await s.act(s.leader, "approve_plan")).status_code == 200
    assert (await s.act(s.office, "start_resolving")).status_code == 200

    visits = of_kind(await deadlines(world, s.office, case_id=str(s.case_id)), "return_visit")
    assert [(d["starts_on"], d["due_on"], d["status"]) for d in visits] == [
        ("2026-03-02", "2026-04-01", "open")
    ]
    at(date(2026, 3, 20))
    body = visit(s.officer, visited_at="2026-03-20T10:00:00+08:00", next_visit_on="2026-04-15")
    created = await post_visit(s, s.officer, body, str(uuid.uuid4()))
    assert created.status_code == 201, created.text

    visits = of_kind(await deadlines(world, s.office, case_id=str(s.case_id)), "return_visit")
    assert [(d["due_on"], d["status"]) for d in visits] == [
        ("2026-04-01", "met"),
        ("2026-04-15", "open"),  # the date the officer set for the next visit
    ]


async def test_relief_steps_run_working_day_clocks_across_the_spring_festival(
    world: World, at: Any
) -> None:
    at(date(2026, 2, 13))  # the Friday before the 2026 Spring Festival holiday
    r = await relief_scene(world)
    app = await r.create()
    await r.ok(r.s.officer, app["id"], "submit")

    steps = of_kind(await deadlines(world, r.s.office, case_id=str(r.s.case_id)), "relief_step")
    # Ten working days: Saturday 14 February (an adjusted working day), then 24–27 February,
    # Saturday 28 February (adjusted), 2–5 March; 15–23 February are the holiday.
    assert [(d["unit"], d["due_on"], d["subject_id"]) for d in steps] == [
        ("working_days", "2026-03-05", app["id"])
    ]
    at(date(2026, 2, 26))
    await r.ok(r.s.office, app["id"], "unit-opinion")
    steps = of_kind(await deadlines(world, r.s.office, case_id=str(r.s.case_id)), "relief_step")
    assert [(d["status"], d["due_on"]) for d in steps] == [
        ("met", "2026-03-05"),
        ("open", "2026-03-11"),  # ten working days from Thursday 26 February
    ]


async def _plan_clock(world: World, at: Any, day: date) -> tuple[Any, dict[str, Any]]:
    at(day)
    b, case = await register(world, day)
    [clock_] = of_kind(await deadlines(world, b.office, case_id=case["id"]), "plan_submission")
    return b, clock_


async def post(
    world: World, user: factories.TestUser, deadline: dict[str, Any], op: str, **body: Any
) -> Any:
    return await world.client.post(
        f"{DEADLINES}/{deadline['id']}/{op}", json=body, headers=world.auth(user)
    )


async def test_paused_days_push_the_last_day_back(world: World, at: Any) -> None:
    b, d = await _plan_clock(world, at, date(2026, 3, 2))  # due 17 March
    paused = await post(world, b.office, d, "pause", reason="等待复查听证")
    assert paused.status_code == 200, paused.text
    assert paused.json()["paused"] is True
    assert (await post(world, b.office, d, "pause", reason="再次暂停")).status_code == 409

    at(date(2026, 3, 9))  # seven days later
    resumed = await post(world, b.office, d, "resume", reason="听证结束")
    assert resumed.status_code == 200, resumed.text
    body = resumed.json()
    assert (body["paused"], body["paused_days"], body["due_on"]) == (False, 7, "2026-03-24")
    assert body["base_due_on"] == "2026-03-17"


async def test_one_extension_by_a_leader_and_never_a_second(world: World, at: Any) -> None:
    b, d = await _plan_clock(world, at, date(2026, 3, 2))
    by_office = await post(world, b.office, d, "extend", days=10, reason="案情复杂")
    assert by_office.status_code == 403
    too_long = await post(world, b.leader, d, "extend", days=16, reason="案情复杂")
    assert (too_long.status_code, too_long.json()["code"]) == (409, "deadline_extension_too_long")

    extended = await post(world, b.leader, d, "extend", days=10, reason="案情复杂，需补充调查")
    assert extended.status_code == 200, extended.text
    body = extended.json()
    assert (body["extension_days"], body["due_on"], body["extended_by"]) == (
        10,
        "2026-03-27",
        str(b.leader.id),
    )
    again = await post(world, b.leader, d, "extend", days=1, reason="再延一天")
    assert (again.status_code, again.json()["code"]) == (409, "deadline_already_extended")
    audited = await world.conn.fetchval(
        "SELECT count(*) FROM audit_event WHERE action = 'deadline.extend'"
    )
    assert audited == 1


async def test_meet_and_waive_close_a_clock_for_good(world: World, at: Any) -> None:
    b, d = await _plan_clock(world, at, date(2026, 3, 2))
    at(date(2026, 3, 20))  # after its last day
    met = await post(world, b.office, d, "meet", note="方案已报送")
    assert met.status_code == 200, met.text
    assert (met.json()["status"], met.json()["closed_by"]) == ("met_late", str(b.office.id))
    closed = await post(world, b.leader, d, "waive", reason="不再需要")
    assert (closed.status_code, closed.json()["code"]) == (409, "deadline_closed")


async def test_officers_see_only_their_cases_deadlines(world: World, at: Any) -> None:
    b, d = await _plan_clock(world, at, date(2026, 3, 2))
    assert await deadlines(world, b.officer) == []
    assert (
        await world.client.get(f"{DEADLINES}/{d['id']}", headers=world.auth(b.officer))
    ).status_code == 404
    other = await world.client.get(f"{DEADLINES}/{d['id']}", headers=world.auth(b.office_b))
    assert other.status_code == 404
    assert (await post(world, b.office_b, d, "pause", reason="越权操作")).status_code == 404

    await world.conn.execute(
        "INSERT INTO case_assignment (id, case_id, role_in_case, user_id, started_at, "
        "assigned_by) VALUES ($1, $2, 'responsible_person', $3, now(), $4)",
        uuid.uuid4(),
        uuid.UUID(d["case_id"]),
        b.officer.id,
        b.office.id,
    )
    mine = await deadlines(world, b.officer)
    assert [x["id"] for x in mine] == [d["id"]]
    detail = await world.client.get(f"{DEADLINES}/{d['id']}", headers=world.auth(b.officer))
    assert detail.status_code == 200 and detail.json()["steps"] == []


async def test_overdue_filter_and_flag_follow_the_clock(world: World, at: Any) -> None:
    b, d = await _plan_clock(world, at, date(2026, 3, 2))
    assert await deadlines(world, b.office, overdue="true") == []
    at(date(2026, 3, 18))
    [late] = await deadlines(world, b.office, overdue="true")
    assert (late["id"], late["overdue"], late["status"]) == (d["id"], True, "open")
    assert await deadlines(world, b.office, due_before="2026-03-17") == []
    assert len(await deadlines(world, b.office, due_before="2026-03-18")) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"status": "late"},
        {"due_before": "2026-02-30"},
        {"due_after": "1800-01-01"},
        {"limit": "0"},
        {"limit": "201"},
        {"cursor": "bm90LWEtY3Vyc29y"},
        {"case_id": "not-a-uuid"},
    ],
)
async def test_bad_list_filters_are_422(world: World, at: Any, params: dict[str, str]) -> None:
    b, _ = await _plan_clock(world, at, date(2026, 3, 2))
    response = await world.client.get(DEADLINES, headers=world.auth(b.office), params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def _rules_url(world: World) -> tuple[Any, str]:
    """A bureau and the URL of the rules of a campaign the bureau itself issued."""
    b = await bureau(world)
    b.campaign_id = await make_campaign(world, b.a)
    return b, f"/api/v1/campaigns/{b.campaign_id}/deadline-rules"


RULE = {
    "active": True,
    "amount": 20,
    "unit": "calendar_days",
    "reminder_lead_days": 5,
    "escalation_days": [0, 5],
    "accountability_grace_days": 10,
    "max_extension_days": 15,
}


async def test_a_campaign_sets_its_own_rule_and_new_clocks_follow_it(world: World, at: Any) -> None:
    b, url = await _rules_url(world)
    listed = await world.client.get(url, headers=world.auth(b.officer))
    assert listed.status_code == 200
    plan_rule = next(r for r in listed.json() if r["kind"] == "plan_submission")
    assert (plan_rule["amount"], plan_rule["overridden"]) == (15, False)

    put = await world.client.put(f"{url}/plan_submission", json=RULE, headers=world.auth(b.office))
    assert put.status_code == 200, put.text
    assert (put.json()["amount"], put.json()["overridden"]) == (20, True)

    at(date(2026, 3, 2))
    body = case_body(b.campaign_id, registered_on="2026-03-02")
    case = await world.client.post("/api/v1/cases", json=body, headers=world.auth(b.office))
    assert case.status_code == 201, case.text
    [d] = of_kind(await deadlines(world, b.office, case_id=case.json()["id"]), "plan_submission")
    assert d["due_on"] == "2026-03-23"  # 22 March is a Sunday


@pytest.mark.parametrize(
    ("tail", "body"),
    [
        ("/nonsense", RULE),
        ("/plan_submission", {**RULE, "amount": -1}),
        ("/plan_submission", {**RULE, "reminder_lead_days": -3}),
        ("/plan_submission", {**RULE, "escalation_days": [0, -1]}),
        ("/plan_submission", {**RULE, "escalation_days": [0, 1, 2]}),
        ("/plan_submission", {**RULE, "unit": "fortnights"}),
        ("/plan_submission", {**RULE, "amount": 10**12}),
        ("/plan_submission", {**RULE, "surprise": 1}),
    ],
)
async def test_hostile_rules_are_refused_and_write_nothing(
    world: World, tail: str, body: dict[str, Any]
) -> None:
    b, url = await _rules_url(world)
    response = await world.client.put(url + tail, json=body, headers=world.auth(b.office))
    assert response.status_code == 422, response.text
    assert await world.conn.fetchval("SELECT count(*) FROM deadline_rule") == 0


async def test_another_units_campaign_and_the_wrong_role_change_no_rule(world: World) -> None:
    b, url = await _rules_url(world)
    other = await world.unit("外县司法局")
    stranger = await world.user(other, "office")
    assert (
        await world.client.put(f"{url}/plan_submission", json=RULE, headers=world.auth(stranger))
    ).status_code == 404
    missing = f"/api/v1/campaigns/{uuid.uuid4()}/deadline-rules/plan_submission"
    assert (
        await world.client.put(missing, json=RULE, headers=world.auth(b.office))
    ).status_code == 404
    assert (
        await world.client.put(f"{url}/plan_submission", json=RULE, headers=world.auth(b.officer))
    ).status_code == 403
    assert await world.conn.fetchval("SELECT count(*) FROM deadline_rule") == 0


def test_the_clock_helper_is_in_beijing_time() -> None:
    moment = clock.noon_in_shanghai(date(2026, 3, 2))
    assert moment == datetime(2026, 3, 2, 4, 0, tzinfo=moment.tzinfo)
