"""Listing return visits: filters, keyset pages, and the caller's scope."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from tests import factories
from tests.checkins.support import now, record, resolving_scene, visit
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.workflow.support import Scene, insert_case

BASE = now().replace(microsecond=0) - timedelta(days=1)


def _at(hours: int) -> str:
    return (BASE + timedelta(hours=hours)).isoformat()


async def _get(s: Scene, user: factories.TestUser, url: str, **params: Any) -> dict[str, Any]:
    response = await s.client.get(url, headers=s.world.auth(user), params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["items"]]


async def _two_cases(world: World) -> tuple[Scene, uuid.UUID, list[str]]:
    """Case A (the officer's) with four visits, case B (not the officer's) with two.

    Returns the ids in visit order, oldest first: A1 A2 B1 A3 B2 A4.
    """
    s = await resolving_scene(world)
    other = await insert_case(s.conn, s.campaign_id, s.bureau, status="resolving")
    plan = [
        (s.case_id, s.officer, [s.officer], "satisfied", 0),
        (s.case_id, s.officer, [s.officer, s.stranger], "dissatisfied", 1),
        (other, s.leader, [s.stranger], "dissatisfied", 2),
        (s.case_id, s.office, [s.office], "accepting", 3),
        (other, s.office, [s.office, s.stranger], "satisfied", 4),
        (s.case_id, s.officer, [s.officer], "dissatisfied", 5),
    ]
    ids = []
    for case_id, by, officers, attitude, hours in plan:
        body = visit(*officers, attitude=attitude, visited_at=_at(hours))
        ids.append((await record(s, by, body, case_id=case_id))["id"])
    return s, other, ids


async def test_filters_and_scope(world: World) -> None:
    s, other, ids = await _two_cases(world)
    a1, a2, b1, a3, b2, a4 = ids
    url = "/api/v1/check-ins"
    assert _ids(await _get(s, s.leader, url)) == [a4, b2, a3, b1, a2, a1]  # newest visit first
    assert _ids(await _get(s, s.leader, url, case_id=str(other))) == [b2, b1]
    assert _ids(await _get(s, s.leader, url, attitude="dissatisfied")) == [a4, b1, a2]
    assert _ids(await _get(s, s.leader, url, officer=str(s.stranger.id))) == [b2, b1, a2]
    window = {"from": _at(1), "to": _at(4)}  # from inclusive, to exclusive
    assert _ids(await _get(s, s.leader, url, **window)) == [a3, b1, a2]
    both = await _get(s, s.leader, url, attitude="dissatisfied", officer=str(s.officer.id))
    assert _ids(both) == [a4, a2]
    later = (await s.conn.fetchval("SELECT max(received_at) FROM check_in")) - timedelta(
        microseconds=1
    )
    assert _ids(await _get(s, s.leader, url, updated_after=later.isoformat())) == [a4]

    # The officer sees the visits of the case assigned to them, whoever recorded them.
    assert _ids(await _get(s, s.officer, url)) == [a4, a3, a2, a1]
    assert _ids(await _get(s, s.officer, url, case_id=str(other))) == []
    # An observer of the unit reads them all; a sibling unit none.
    observer = await world.user(s.bureau, "observer")
    assert len(_ids(await _get(s, observer, url))) == 6
    outsider = await world.user(s.sibling, "leader")
    assert _ids(await _get(s, outsider, url)) == []

    # One case's list: the same, and 404 for a case out of sight.
    case_url = s.url("/check-ins")
    assert _ids(await _get(s, s.officer, case_url)) == [a4, a3, a2, a1]
    assert _ids(await _get(s, s.officer, case_url, attitude="accepting")) == [a3]
    response = await s.client.get(s.url("/check-ins", other), headers=world.auth(s.officer))
    assert_problem(response, 404, "case_not_found")
    response = await s.client.get(case_url, headers=world.auth(outsider))
    assert_problem(response, 404, "case_not_found")


async def test_one_visit_is_404_out_of_sight(world: World) -> None:
    s, _, ids = await _two_cases(world)
    b1 = ids[2]
    found = await s.client.get(f"/api/v1/check-ins/{b1}", headers=world.auth(s.leader))
    assert found.status_code == 200 and found.json()["attitude"] == "dissatisfied"
    for user in (s.officer, await world.user(s.sibling, "leader")):
        response = await s.client.get(f"/api/v1/check-ins/{b1}", headers=world.auth(user))
        assert_problem(response, 404, "check_in_not_found")
    response = await s.client.get(f"/api/v1/check-ins/{uuid.uuid4()}", headers=world.auth(s.leader))
    assert_problem(response, 404, "check_in_not_found")


async def test_keyset_pages_walk_every_visit_once(world: World) -> None:
    s, _, ids = await _two_cases(world)
    # Two visits at the same instant: the id breaks the tie, none is skipped or repeated.
    same = visit(s.officer, visited_at=_at(3))
    ids.insert(4, (await record(s, s.officer, same))["id"])
    for sort in ("-visited_at", "visited_at"):
        seen: list[str] = []
        cursor: str | None = None
        pages = 0
        while True:
            params: dict[str, Any] = {"limit": 2, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = await _get(s, s.leader, "/api/v1/check-ins", **params)
            seen += _ids(page)
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == 7 and pages == 4, (sort, seen)
        visited = [datetime.fromisoformat(x) for x in await _visited(s, seen)]
        assert visited == sorted(visited, reverse=sort.startswith("-")), sort
    # A cursor from the other order, or not ours at all, is a 422.
    first = await _get(s, s.leader, "/api/v1/check-ins", limit=2)
    for params in ({"sort": "visited_at", "cursor": first["next_cursor"]}, {"cursor": "bm9wZQ"}):
        response = await s.client.get(
            "/api/v1/check-ins", headers=world.auth(s.leader), params=params
        )
        assert_problem(response, 422, "validation_failed")
    response = await s.client.get(
        "/api/v1/check-ins", headers=world.auth(s.leader), params={"limit": 201}
    )
    assert_problem(response, 422)


async def _visited(s: Scene, ids: list[str]) -> list[str]:
    rows = {
        str(r["id"]): r["visited_at"].isoformat()
        for r in await s.conn.fetch("SELECT id, visited_at FROM check_in")
    }
    return [rows[i] for i in ids]
