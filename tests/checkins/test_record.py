"""Recording a return visit: what is stored, who may record it, and bad input refused."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from tests.checkins.support import (
    check_in_count,
    now,
    post_visit,
    resolving_scene,
    shanghai_day,
    visit,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem, last_audit_id, pointers


async def test_a_visit_is_stored_with_its_officers_and_audited(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    s = await resolving_scene(world)
    key = str(uuid.uuid4())
    beijing_time = (now() - timedelta(hours=1)).astimezone(timezone(timedelta(hours=8)))
    body = visit(
        s.officer,
        s.stranger,
        client_id=key,
        threats_recorded=True,
        threat_note="扬言去省里",
        visited_at=beijing_time.isoformat(),
    )
    before = await last_audit_id(s.conn)
    response = await post_visit(s, s.officer, body, key)
    assert response.status_code == 201, response.text
    out: dict[str, Any] = response.json()
    assert response.headers["location"] == f"/api/v1/check-ins/{out['id']}"
    assert "idempotent-replayed" not in response.headers
    assert (out["case_id"], out["client_id"]) == (str(s.case_id), key)
    assert [o["id"] for o in out["officers"]] == [str(s.officer.id), str(s.stranger.id)]
    assert out["officers"][0]["display_name"] == f"测试用户{s.officer.username}"
    assert out["recorded_by"]["id"] == str(s.officer.id)
    assert out["gps"] == {"lat": 30.5728, "lon": 104.0668, "accuracy_m": 12.5}
    assert (out["attitude"], out["manner"], out["threat_note"]) == (
        "satisfied",
        "in_person",
        "扬言去省里",
    )
    assert out["next_visit_on"] == body["next_visit_on"]
    assert datetime.fromisoformat(out["visited_at"]) == beijing_time
    received = out["received_at"]
    assert abs(now() - datetime.fromisoformat(received)) < timedelta(minutes=1)

    row = await s.conn.fetchrow("SELECT * FROM check_in WHERE id = $1", uuid.UUID(out["id"]))
    assert row is not None
    assert (row["client_id"], row["recorded_by"]) == (uuid.UUID(key), s.officer.id)
    assert (row["gps_lat"], row["gps_lon"]) == (30.5728, 104.0668)
    links = await s.conn.fetch(
        "SELECT user_id FROM check_in_officer WHERE check_in_id = $1 ORDER BY position", row["id"]
    )
    assert [r["user_id"] for r in links] == [s.officer.id, s.stranger.id]

    # Audited with the case, without the place, people, notes or coordinates.
    events = await s.conn.fetch("SELECT * FROM audit_event WHERE id > $1", before)
    assert [(e["action"], e["case_id"]) for e in events] == [("check_in.record", s.case_id)]
    assert events[0]["entity_id"] == out["id"] and events[0]["org_unit_id"] == s.bureau.id
    after = json.loads(events[0]["after"])
    assert (after["attitude"], after["has_gps"]) == ("satisfied", True)
    text = json.dumps(after, ensure_ascii=False)
    for private in ("30.57", "104.06", "红星村", "李某", "不再上访", "扬言"):
        assert private not in text
        assert private not in caplog.text

    fetched = await s.client.get(response.headers["location"], headers=world.auth(s.leader))
    assert fetched.status_code == 200 and fetched.json() == out


async def test_the_leaders_and_office_of_the_unit_may_record_too(world: World) -> None:
    s = await resolving_scene(world)
    for user in (s.leader, s.office):
        response = await post_visit(s, user, visit(user), str(uuid.uuid4()))
        assert response.status_code == 201, response.text
    assert await check_in_count(s.conn) == 2


async def test_an_unassigned_officer_gets_404(world: World) -> None:
    s = await resolving_scene(world)
    response = await post_visit(s, s.stranger, visit(s.stranger), str(uuid.uuid4()))
    assert_problem(response, 404, "case_not_found")
    assert await check_in_count(s.conn) == 0


async def test_a_sibling_unit_gets_404(world: World) -> None:
    s = await resolving_scene(world)
    for role in ("office", "leader", "officer"):
        outsider = await world.user(s.sibling, role)
        response = await post_visit(s, outsider, visit(outsider), str(uuid.uuid4()))
        assert_problem(response, 404, "case_not_found")
    # An ended assignment no longer lets the officer in either.
    await s.conn.execute(
        "UPDATE case_assignment SET ended_at = now() WHERE case_id = $1", s.case_id
    )
    response = await post_visit(s, s.officer, visit(s.officer), str(uuid.uuid4()))
    assert_problem(response, 404, "case_not_found")
    assert await check_in_count(s.conn) == 0


async def test_an_observer_may_not_record(world: World) -> None:
    s = await resolving_scene(world)
    observer = await world.user(s.bureau, "observer")
    response = await post_visit(s, observer, visit(s.officer), str(uuid.uuid4()))
    assert_problem(response, 403, "forbidden")


async def test_the_key_is_required_and_must_be_a_uuid(world: World) -> None:
    s = await resolving_scene(world)
    body = visit(s.officer)
    body_missing = await post_visit(s, s.officer, body, None)
    problem = assert_problem(body_missing, 400, "idempotency_key_required")
    assert "Idempotency-Key" in problem["detail"]
    for key in ("visit-0001-from-phone", "12345678", "not a uuid!"):
        response = await post_visit(s, s.officer, body, key)
        assert_problem(response, 400, "idempotency_key_not_uuid")
    assert await check_in_count(s.conn) == 0
    assert await s.conn.fetchval("SELECT count(*) FROM idempotency_record") == 0


@pytest.mark.parametrize(
    ("changes", "pointer", "code"),
    [
        ({"gps": {"lat": 90.5, "lon": 104.0, "accuracy_m": 5}}, "#/gps/lat", "less_than_equal"),
        ({"gps": {"lat": 30.0, "lon": -181, "accuracy_m": 5}}, "#/gps/lon", "greater_than_equal"),
        ({"gps": {"lat": 30.0, "lon": 104.0, "accuracy_m": 20000}}, "#/gps/accuracy_m", None),
        ({"gps": {"lat": 30.0, "lon": 104.0}}, "#/gps/accuracy_m", "missing"),
        ({"visited_at": "2026-11-26T10:00:00"}, "#/visited_at", "timezone_aware"),
        ({"visited_at": "1999-12-31T23:00:00+08:00"}, "#/visited_at", "visited_at_too_early"),
        # At the ends of the calendar, where a conversion to Shanghai time would overflow.
        ({"visited_at": "0001-01-01T00:00:00+14:00"}, "#/visited_at", "visited_at_too_early"),
        ({"visited_at": "9999-12-31T23:59:59-14:00"}, "#/visited_at", "visited_at_in_future"),
        ({"officers": []}, "#/officers", "too_short"),
        ({"officers": ["x"]}, "#/officers/0", "uuid_parsing"),
        ({"manner": "letter"}, "#/manner", "enum"),
        ({"attitude": "happy"}, "#/attitude", "enum"),
        ({"could_not_visit": True}, "#/attitude", "attitude_must_be_unreachable"),
        ({"threats_recorded": True}, "#/threat_note", "missing"),
        ({"threat_note": "骂人"}, "#/threat_note", "not_allowed"),
        ({"notes": "长" * 5001}, "#/notes", "string_too_long"),
        ({"next_visit_on": "2001-01-01"}, "#/next_visit_on", "next_visit_before_visit"),
        ({"client_id": str(uuid.uuid4())}, "#/client_id", "client_id_mismatch"),
        ({"surprise": 1}, "#/surprise", "extra_forbidden"),
    ],
)
async def test_bad_visits_are_422_at_their_field(
    world: World, changes: dict[str, Any], pointer: str, code: str | None
) -> None:
    s = await resolving_scene(world)
    key = str(uuid.uuid4())
    response = await post_visit(s, s.officer, visit(s.officer, **changes), key)
    body = assert_problem(response, 422)
    assert pointers(body) == [pointer], body
    if code is not None:
        assert body["errors"][0]["code"] == code
    assert await check_in_count(s.conn) == 0
    # A refused visit does not burn its key: the corrected one goes through.
    fixed = await post_visit(s, s.officer, visit(s.officer), key)
    assert fixed.status_code == 201, fixed.text


async def test_a_visit_far_in_the_future_is_refused_a_little_ahead_is_not(world: World) -> None:
    s = await resolving_scene(world)
    ahead = (now() + timedelta(days=1)).isoformat()
    response = await post_visit(s, s.officer, visit(s.officer, visited_at=ahead), str(uuid.uuid4()))
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"][0]["pointer"] == "#/visited_at"
    assert body["errors"][0]["code"] == "visited_at_in_future"
    # A phone clock a few minutes fast is a clock, not a forgery.
    slightly = now() + timedelta(minutes=3)
    body_ok = visit(s.officer, visited_at=slightly.isoformat())
    body_ok["next_visit_on"] = shanghai_day(slightly).isoformat()  # the same day is fine
    response = await post_visit(s, s.officer, body_ok, str(uuid.uuid4()))
    assert response.status_code == 201, response.text


async def test_officers_must_be_active_users_of_the_callers_subtree(world: World) -> None:
    s = await resolving_scene(world)
    outsider = await world.user(s.sibling, "officer")
    retired = await world.user(s.bureau, "officer", active=False)
    body = visit(s.officer, outsider, retired, s.officer)
    body["officers"].append(str(uuid.uuid4()))
    response = await post_visit(s, s.officer, body, str(uuid.uuid4()), lang="en")
    problem = assert_problem(response, 422, "validation_failed")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [
        ("#/officers/1", "officer_not_found"),
        ("#/officers/2", "officer_inactive"),
        ("#/officers/3", "duplicate"),
        ("#/officers/4", "officer_not_found"),
    ]
    assert await check_in_count(s.conn) == 0


async def test_a_visit_without_gps_or_text_is_fine(world: World) -> None:
    s = await resolving_scene(world)
    body = visit(s.officer, gps=None, place="  ", people_met=None, notes=None)
    body.update(manner="phone", attitude="unreachable", could_not_visit=True, next_visit_on=None)
    response = await post_visit(s, s.officer, body, str(uuid.uuid4()))
    assert response.status_code == 201, response.text
    out = response.json()
    assert (out["gps"], out["place"], out["could_not_visit"]) == (None, None, True)
