"""scheduled → held | postponed | cancelled; postponed → scheduled | cancelled; held and
cancelled are final. The record (minutes, outcome) exists only once held."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from anjie.core import clock
from tests.factories import World
from tests.hearings.support import HearingScene, hearing_scene, in_days, iso, start_of_today, utc
from tests.platform.problem_json import assert_problem, pointers

MINUTES = "一、信访人陈述诉求；二、承办人说明办理经过；三、听证员评议；四、主持人总结。"


async def _past(h: HearingScene, **overrides: Any) -> dict[str, Any]:
    """A mediation that began three hours ago, ready to be recorded as held."""
    return await h.created(starts_at=iso(clock.now() - timedelta(hours=3)), **overrides)


async def test_holding_records_the_minutes(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await _past(h)
    url = f"/{hearing['id']}/hold"
    missing = await h.post(h.s.officer, url, {"outcome": "达成调解协议"})
    assert pointers(assert_problem(missing, 422, "validation_failed")) == ["#/minutes"]
    blank = await h.post(h.s.officer, url, {"minutes": "   "})
    assert pointers(assert_problem(blank, 422)) == ["#/minutes"]
    assert await h.s.conn.fetchval("SELECT status FROM hearing") == "scheduled"

    response = await h.post(h.s.officer, url, {"minutes": MINUTES, "outcome": "达成调解协议"})
    assert response.status_code == 200, response.text
    held = response.json()
    assert (held["status"], held["minutes"], held["outcome"]) == ("held", MINUTES, "达成调解协议")
    assert utc(held["held_at"]) == utc(hearing["starts_at"])  # by default, as scheduled
    assert response.headers["ETag"] == f'"{held["version"]}"'
    (event,) = await h.audits("hearing.hold")
    assert event["case_id"] == h.s.case_id
    assert (json.loads(event["before"]), json.loads(event["after"])["minutes"]) == (
        {"status": "scheduled"},
        MINUTES,
    )
    # Held is final: no second hold, no postponing, no moving it.
    assert_problem(await h.post(h.s.officer, url, {"minutes": MINUTES}), 409)
    again = await h.post(h.s.officer, f"/{hearing['id']}/postpone", {"reason": "改期"})
    body = assert_problem(again, 409, "hearing_transition_not_allowed")
    assert (body["hearing_status"], body["action"]) == ("held", "postpone")
    version = f'"{held["version"]}"'
    moved = await h.patch(h.s.office, hearing["id"], {"place": "第九调解室"}, version)
    assert_problem(moved, 409, "hearing_not_editable")
    # The record itself may be corrected (audited like any change).
    fixed = await h.patch(h.s.office, hearing["id"], {"outcome": "部分达成协议"}, version)
    assert fixed.status_code == 200 and fixed.json()["outcome"] == "部分达成协议"
    erased = await h.patch(
        h.s.office, hearing["id"], {"minutes": None}, f'"{fixed.json()["version"]}"'
    )
    assert pointers(assert_problem(erased, 422)) == ["#/minutes"]


async def test_a_hearing_cannot_be_held_before_it_happens(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created()  # ten days ahead
    response = await h.post(h.s.office, f"/{hearing['id']}/hold", {"minutes": MINUTES})
    assert_problem(response, 409, "hearing_in_future")
    # …unless it did take place earlier than planned, said so explicitly.
    early = {"minutes": MINUTES, "held_at": iso(start_of_today())}
    response = await h.post(h.s.office, f"/{hearing['id']}/hold", early)
    assert response.status_code == 200, response.text


async def test_minutes_only_once_held(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created()
    response = await h.patch(h.s.office, hearing["id"], {"minutes": MINUTES}, '"1"')
    assert_problem(response, 409, "hearing_not_held")
    assert await h.s.conn.fetchval("SELECT minutes FROM hearing") is None


async def test_postpone_then_reschedule(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created()
    url = f"/{hearing['id']}"
    assert pointers(assert_problem(await h.post(h.s.office, url + "/postpone", {}), 422)) == [
        "#/reason"
    ]
    new_time = in_days(15, 14)
    body = {"reason": "主持人临时出差", "new_starts_at": iso(new_time)}
    response = await h.post(h.s.office, url + "/postpone", body)
    assert response.status_code == 200, response.text
    postponed = response.json()
    assert (postponed["status"], postponed["postpone_reason"]) == ("postponed", "主持人临时出差")
    assert utc(postponed["next_starts_at"]) == new_time
    # Postponed is not held, nor postponed twice.
    assert_problem(
        await h.post(h.s.office, url + "/hold", {"minutes": MINUTES}),
        409,
        "hearing_transition_not_allowed",
    )
    assert_problem(await h.post(h.s.office, url + "/postpone", {"reason": "再次延期"}), 409)
    # Rescheduling books the intended time, through the booking rules.
    blocker = await h.created(starts_at=iso(new_time), place="另一会议室")
    clash = await h.post(h.s.office, url + "/reschedule", {})
    assert_problem(clash, 409, "hearing_conflict")
    await h.post(h.s.office, f"/{blocker['id']}/cancel", {"reason": "让出时段"})
    stale = await h.post(h.s.office, url + "/reschedule", {}, {"If-Match": '"1"'})
    assert_problem(stale, 412)
    response = await h.post(
        h.s.office, url + "/reschedule", {}, {"If-Match": f'"{postponed["version"]}"'}
    )
    assert response.status_code == 200, response.text
    back = response.json()
    assert (back["status"], back["next_starts_at"]) == ("scheduled", None)
    assert utc(back["starts_at"]) == new_time
    events = await h.s.conn.fetch(
        "SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id", hearing["id"]
    )
    assert [e["action"] for e in events] == [
        "hearing.create",
        "hearing.postpone",
        "hearing.reschedule",
    ]


async def test_reschedule_needs_a_time_and_seven_days_notice(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created(
        kind="public_hearing", starts_at=iso(in_days(8)), notice_sent_at=iso(start_of_today())
    )
    url = f"/{hearing['id']}"
    assert (await h.post(h.s.office, url + "/postpone", {"reason": "场地维修"})).status_code == 200
    no_time = await h.post(h.s.office, url + "/reschedule", {})
    assert pointers(assert_problem(no_time, 422)) == ["#/starts_at"]
    soon = await h.post(h.s.office, url + "/reschedule", {"starts_at": iso(in_days(5))})
    assert_problem(soon, 409, "notice_too_late")
    later = await h.post(h.s.office, url + "/reschedule", {"starts_at": iso(in_days(12))})
    assert later.status_code == 200, later.text


async def test_cancel_is_final(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created()
    url = f"/{hearing['id']}"
    response = await h.post(h.s.office, url + "/cancel", {"reason": "信访人撤回听证申请"})
    assert response.status_code == 200, response.text
    cancelled = response.json()
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", "信访人撤回听证申请")
    (event,) = await h.audits("hearing.cancel")
    assert (event["reason"], event["case_id"]) == ("信访人撤回听证申请", h.s.case_id)
    for action, body in (
        ("cancel", {"reason": "重复取消"}),
        ("hold", {"minutes": MINUTES}),
        ("postpone", {"reason": "延期"}),
        ("reschedule", {"starts_at": iso(in_days(20))}),
    ):
        refused = await h.post(h.s.office, f"{url}/{action}", body)
        assert_problem(refused, 409, "hearing_transition_not_allowed")
    version = f'"{cancelled["version"]}"'
    assert_problem(await h.patch(h.s.office, hearing["id"], {"place": "x"}, version), 409)


async def test_a_postponed_hearing_can_be_cancelled(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created()
    url = f"/{hearing['id']}"
    await h.post(h.s.office, url + "/postpone", {"reason": "等待鉴定意见"})
    response = await h.post(h.s.office, url + "/cancel", {"reason": "已通过调解化解"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"


async def test_a_closed_case_gets_no_new_bookings_but_its_hearings_can_be_recorded(
    world: World,
) -> None:
    h = await hearing_scene(world)
    postponed = await h.created()
    await h.post(h.s.office, f"/{postponed['id']}/postpone", {"reason": "改期"})
    count = await h.s.conn.fetchval("SELECT count(*) FROM hearing")
    await h.s.conn.execute(
        "UPDATE petition_case SET status = 'resolved' WHERE id = $1", h.s.case_id
    )
    assert_problem(await h.create(), 409, "case_closed")
    assert_problem(
        await h.post(h.s.office, f"/{postponed['id']}/reschedule", {}), 409, "case_closed"
    )
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == count
    # Reopened (a petitioner resumed): bookable again.
    await h.s.conn.execute(
        "UPDATE petition_case SET status = 'resolving' WHERE id = $1", h.s.case_id
    )
    assert (await h.create(place="第二调解室")).status_code == 201
