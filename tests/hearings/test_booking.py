"""Booking a hearing: who may chair, how early a public hearing is announced, double bookings."""

from __future__ import annotations

import json

from tests.factories import World
from tests.hearings.support import (
    HEARINGS,
    hearing_scene,
    in_days,
    insert_petitioner,
    iso,
    start_of_today,
    utc,
)
from tests.platform.problem_json import assert_problem, pointers


async def test_a_hearing_is_booked_and_audited_on_its_case(world: World) -> None:
    h = await hearing_scene(world)
    response = await h.create(clerk_user_id=str(h.official.id))
    assert response.status_code == 201, response.text
    out = response.json()
    assert response.headers["ETag"] == f'"{out["version"]}"'
    assert response.headers["Location"] == f"{HEARINGS}/{out['id']}"
    assert (out["status"], out["kind"], out["public"]) == ("scheduled", "mediation", False)
    assert out["duration_minutes"] == 120
    assert utc(out["ends_at"]) - utc(out["starts_at"]) == in_days(0, 11) - in_days(0, 9)
    assert out["chair"]["id"] == str(h.chair.id)
    assert out["clerk"]["id"] == str(h.official.id)
    # The petitioner's name comes from the case's petitioner; nothing else about them.
    assert [(p["kind"], p["name"]) for p in out["participants"]] == [
        ("petitioner", "张某某"),
        ("lawyer", "赵律师"),
    ]
    assert out["minutes"] is None and out["case_number"]
    (event,) = await h.audits("hearing.create")
    assert (event["case_id"], event["entity_id"]) == (h.s.case_id, out["id"])
    assert json.loads(event["after"])["place"] == "第一调解室"
    got = await h.get(h.s.leader, f"/{out['id']}")
    assert got.status_code == 200 and got.json() == out


async def test_a_public_hearing_is_public_unless_said_otherwise(world: World) -> None:
    h = await hearing_scene(world)
    notice = iso(start_of_today())
    out = await h.created(kind="public_hearing", starts_at=iso(in_days(8)), notice_sent_at=notice)
    assert out["public"] is True
    closed = await h.created(
        kind="public_hearing",
        starts_at=iso(in_days(9)),
        notice_sent_at=notice,
        public=False,
        place="第二会议室",
    )
    assert closed["public"] is False


async def test_the_chair_must_not_investigate_the_case(world: World) -> None:
    h = await hearing_scene(world)
    # The responsible person…
    response = await h.create(chair_user_id=str(h.s.officer.id))
    body = assert_problem(response, 409, "chair_is_investigator")
    assert "主持人" in body["detail"]
    # …and a team member are investigators; the responsible leader is not.
    assert (await h.s.assign("team_member", user=h.official)).status_code == 201
    response = await h.create(chair_user_id=str(h.official.id))
    assert_problem(response, 409, "chair_is_investigator")
    assert (await h.s.assign("responsible_leader", user=h.s.leader)).status_code == 201
    assert (await h.create(chair_user_id=str(h.s.leader.id))).status_code == 201
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 1


async def test_a_public_hearing_needs_seven_days_notice(world: World) -> None:
    h = await hearing_scene(world)
    notice = iso(start_of_today())
    six = await h.create(kind="public_hearing", starts_at=iso(in_days(6, 8)), notice_sent_at=notice)
    body = assert_problem(six, 409, "notice_too_late")
    assert (body["notice_days"], body["required_days"]) == (6, 7)
    missing = await h.create(kind="public_hearing", starts_at=iso(in_days(20)))
    assert assert_problem(missing, 409, "notice_too_late")["notice_days"] is None
    # Seven Beijing calendar days, even when the hearing starts early in the morning.
    seven = await h.create(
        kind="public_hearing", starts_at=iso(in_days(7, 8)), notice_sent_at=notice
    )
    assert seven.status_code == 201, seven.text
    # Other kinds need no notice period.
    assert (await h.create(starts_at=iso(in_days(1)), place="第三调解室")).status_code == 201


async def test_a_notice_cannot_be_dated_in_the_future(world: World) -> None:
    h = await hearing_scene(world)
    response = await h.create(
        kind="public_hearing", starts_at=iso(in_days(30)), notice_sent_at=iso(in_days(2))
    )
    assert pointers(assert_problem(response, 422, "validation_failed")) == ["#/notice_sent_at"]


async def test_people_must_exist_and_petitioners_belong_to_the_case(world: World) -> None:
    h = await hearing_scene(world)
    other_case = await h.other_case()
    stranger = await world.user(h.s.bureau, "officer", active=False)
    foreign_petitioner = await insert_petitioner(h.s, other_case, "李某")
    response = await h.create(
        clerk_user_id=str(h.chair.id),
        participants=[
            {"kind": "official", "user_id": str(stranger.id)},
            {"kind": "petitioner", "petitioner_id": str(foreign_petitioner)},
            {"kind": "official"},
        ],
    )
    body = assert_problem(response, 422, "validation_failed")
    assert pointers(body) == ["#/participants/2/user_id"]  # shape first, before any lookup
    response = await h.create(
        clerk_user_id=str(h.chair.id),
        participants=[
            {"kind": "official", "user_id": str(stranger.id)},
            {"kind": "petitioner", "petitioner_id": str(foreign_petitioner)},
        ],
    )
    body = assert_problem(response, 422, "validation_failed")
    assert pointers(body) == [
        "#/clerk_user_id",
        "#/participants/0/user_id",
        "#/participants/1/petitioner_id",
    ]
    assert [e["code"] for e in body["errors"]] == [
        "chair_is_clerk",
        "user_unknown",
        "not_a_petitioner_of_case",
    ]
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 0


async def test_the_same_official_cannot_be_in_two_hearings_at_once(world: World) -> None:
    h = await hearing_scene(world)
    first = await h.created(starts_at=iso(in_days(10, 9)), clerk_user_id=str(h.official.id))
    # Overlaps 09:00–11:00 by an hour; another room, but the clerk sits in as an official.
    response = await h.create(
        starts_at=iso(in_days(10, 10)),
        place="第二调解室",
        chair_user_id=str(h.s.leader.id),
        participants=[{"kind": "official", "user_id": str(h.official.id)}],
    )
    body = assert_problem(response, 409, "hearing_conflict")
    assert body["conflicts"] == [
        {
            "hearing_id": first["id"],
            "starts_at": utc(first["starts_at"]).isoformat(),
            "ends_at": utc(first["ends_at"]).isoformat(),
            "resource": "official",
            "place": "第一调解室",
            "user_id": str(h.official.id),
            "user_name": f"测试用户{h.official.username}",
        }
    ]
    assert first["id"] in body["detail"] and h.official.username in body["detail"]
    assert "09:00–11:00" in body["detail"]
    # Back to back is not a clash: 11:00 starts as the first ends.
    response = await h.create(
        starts_at=iso(in_days(10, 11)),
        place="第二调解室",
        chair_user_id=str(h.official.id),
    )
    assert response.status_code == 201, response.text


async def test_the_same_room_cannot_be_booked_twice(world: World) -> None:
    h = await hearing_scene(world)
    first = await h.created(place="302 会议室")
    response = await h.create(
        place="  302   会议室 ",
        starts_at=iso(in_days(10, 10, 30)),
        chair_user_id=str(h.s.leader.id),
        participants=[],
    )
    body = assert_problem(response, 409, "hearing_conflict")
    assert [(c["resource"], c["hearing_id"]) for c in body["conflicts"]] == [("place", first["id"])]
    assert "302 会议室" in body["detail"]
    english = await world.client.post(
        HEARINGS,
        json=h.body(place="302 会议室", chair_user_id=str(h.s.leader.id), participants=[]),
        headers={**world.auth(h.s.office), "Accept-Language": "en"},
    )
    assert "room '302 会议室'" in assert_problem(english, 409, "hearing_conflict")["detail"]


async def test_an_override_books_anyway_and_is_audited(world: World) -> None:
    h = await hearing_scene(world)
    first = await h.created()
    reason = "信访人仅当日可到场，经分管领导同意同时段安排"
    response = await h.create(starts_at=iso(in_days(10, 10)), override_reason=reason)
    assert response.status_code == 201, response.text
    second = response.json()
    assert second["conflict_override_reason"] == reason
    (event,) = await h.audits("hearing.conflict_override")
    assert (event["entity_id"], event["case_id"], event["reason"]) == (
        second["id"],
        h.s.case_id,
        reason,
    )
    clashes = json.loads(event["after"])["conflicts"]
    assert {(c["resource"], c["hearing_id"]) for c in clashes} == {
        ("place", first["id"]),
        ("official", first["id"]),
    }
    # Without a clash, an override reason is neither kept nor audited.
    third = await h.created(starts_at=iso(in_days(20)), override_reason=reason)
    assert third["conflict_override_reason"] is None
    assert len(await h.audits("hearing.conflict_override")) == 1


async def test_cancelled_and_postponed_hearings_free_their_slot(world: World) -> None:
    h = await hearing_scene(world)
    first = await h.created()
    response = await h.post(h.s.office, f"/{first['id']}/cancel", {"reason": "信访人住院"})
    assert response.status_code == 200, response.text
    second = await h.created()
    await h.post(h.s.office, f"/{second['id']}/postpone", {"reason": "主持人出差"})
    assert (await h.create()).status_code == 201


async def test_a_patch_is_checked_like_a_booking(world: World) -> None:
    h = await hearing_scene(world)
    first = await h.created()
    second = await h.created(starts_at=iso(in_days(11)), chair_user_id=str(h.s.leader.id))
    url_id, version = second["id"], f'"{second["version"]}"'
    move = {"starts_at": first["starts_at"]}
    assert_problem(await h.patch(h.s.office, url_id, move, None), 428)
    assert_problem(await h.patch(h.s.office, url_id, move, '"99"'), 412)
    assert_problem(await h.patch(h.s.office, url_id, move, version), 409, "hearing_conflict")
    response = await h.patch(h.s.office, url_id, {"place": "第五调解室", **move}, version)
    assert response.status_code == 200, response.text
    moved = response.json()
    assert moved["place"] == "第五调解室"
    assert utc(moved["starts_at"]) == utc(first["starts_at"])
    assert moved["version"] > second["version"]
    assert response.headers["ETag"] == f'"{moved["version"]}"'
    # Its own old slot is not a clash with itself; the chair rule applies to a new chair.
    stay = await h.patch(h.s.office, url_id, {"duration_minutes": 60}, f'"{moved["version"]}"')
    assert stay.status_code == 200, stay.text
    bad_chair = {"chair_user_id": str(h.s.officer.id)}
    response = await h.patch(h.s.office, url_id, bad_chair, f'"{stay.json()["version"]}"')
    assert_problem(response, 409, "chair_is_investigator")
    nulls = await h.patch(h.s.office, url_id, {"place": None}, f'"{stay.json()["version"]}"')
    assert pointers(assert_problem(nulls, 422)) == ["#/place"]
    # The participant list is replaced as a whole.
    people = {
        "participants": [
            {"kind": "official", "user_id": str(h.official.id)},
            {"kind": "relative", "name": "张某某之子"},
            {"kind": "petitioner", "petitioner_id": str(h.petitioner_id)},
        ]
    }
    response = await h.patch(h.s.office, url_id, people, f'"{stay.json()["version"]}"')
    assert response.status_code == 200, response.text
    assert [(p["kind"], p["name"]) for p in response.json()["participants"]] == [
        ("official", f"测试用户{h.official.username}"),
        ("relative", "张某某之子"),
        ("petitioner", "张某某"),
    ]
    stored = await h.s.conn.fetch(
        "SELECT kind FROM hearing_participant WHERE hearing_id = $1 ORDER BY position", url_id
    )
    assert [r["kind"] for r in stored] == ["official", "relative", "petitioner"]
    updates = await h.audits("hearing.update")
    assert [json.loads(e["after"])["place"] for e in updates] == ["第五调解室"] * 3
    assert all(e["case_id"] == h.s.case_id for e in updates)


async def test_bad_input_is_a_clear_422(world: World) -> None:
    h = await hearing_scene(world)
    cases = [
        ({"duration_minutes": 10}, "#/duration_minutes"),
        ({"duration_minutes": 601}, "#/duration_minutes"),
        ({"starts_at": "2026-12-01T09:00:00"}, "#/starts_at"),
        ({"starts_at": "9999-12-31T23:59:00+00:00"}, "#/starts_at"),
        ({"kind": "tea_party"}, "#/kind"),
        ({"place": "   "}, "#/place"),
        ({"participants": [{"kind": "official", "name": "王"}]}, "#/participants/0/user_id"),
        ({"participants": [{"kind": "petitioner"}]}, "#/participants/0/petitioner_id"),
        ({"participants": [{"kind": "lawyer"}]}, "#/participants/0/name"),
    ]
    for change, pointer in cases:
        response = await h.create(**change)
        assert pointer in pointers(assert_problem(response, 422)), (change, response.text)
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 0


async def test_a_retried_booking_with_its_key_is_not_booked_twice(world: World) -> None:
    h = await hearing_scene(world)
    headers = {**world.auth(h.s.office), "Idempotency-Key": "hearing-retry-0001"}
    first = await world.client.post(HEARINGS, json=h.body(), headers=headers)
    again = await world.client.post(HEARINGS, json=h.body(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 201), again.text
    assert again.json()["id"] == first.json()["id"]
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 1


async def test_officials_outside_the_callers_units_are_unknown(world: World) -> None:
    """The issue's probe: chair, clerk and participants could be any active user of the
    installation. An outsider's id now reads exactly like a made-up one, and nothing is written."""
    h = await hearing_scene(world)
    beside = await world.user(h.s.sibling, "leader")  # a sibling bureau
    above = await world.user(h.s.county, "leader")  # the county, above the caller's bureau
    events = await h.s.conn.fetchval("SELECT count(*) FROM audit_event")
    response = await h.create(
        chair_user_id=str(beside.id),
        clerk_user_id=str(above.id),
        participants=[{"kind": "official", "user_id": str(beside.id)}],
    )
    body = assert_problem(response, 422, "validation_failed")
    assert pointers(body) == ["#/chair_user_id", "#/clerk_user_id", "#/participants/0/user_id"]
    assert {e["code"] for e in body["errors"]} == {"user_unknown"}
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 0
    assert await h.s.conn.fetchval("SELECT count(*) FROM audit_event") == events

    # Rescheduling is held to the same rule.
    hearing = await h.created()
    response = await h.patch(
        h.s.office, hearing["id"], {"chair_user_id": str(beside.id)}, f'"{hearing["version"]}"'
    )
    assert pointers(assert_problem(response, 422, "validation_failed")) == ["#/chair_user_id"]
    row = await h.s.conn.fetchrow("SELECT chair_user_id, version FROM hearing")
    assert (row["chair_user_id"], row["version"]) == (h.chair.id, hearing["version"])
