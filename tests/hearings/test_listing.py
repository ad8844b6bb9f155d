"""The hearing list: filters, keyset pages, and the case scope (outside it: 404 / absent)."""

from __future__ import annotations

from typing import Any

from tests.factories import TestUser as Account
from tests.factories import World
from tests.hearings.support import HearingScene, hearing_scene, in_days, iso
from tests.platform.problem_json import assert_problem


async def _ids(h: HearingScene, user: Account, **params: Any) -> list[str]:
    response = await h.get(user, **params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def _three(h: HearingScene) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """On the scene's case: a1 (day 10) and a2 (day 12, the official sits in); on another case
    of the bureau: b1 (day 14, the official clerks)."""
    other_case = await h.other_case()
    a1 = await h.created()
    a2 = await h.created(
        starts_at=iso(in_days(12, 15)),
        participants=[{"kind": "official", "user_id": str(h.official.id)}],
    )
    b1 = await h.created(
        case_id=str(other_case),
        kind="expert_consultation",
        starts_at=iso(in_days(14)),
        clerk_user_id=str(h.official.id),
        participants=[{"kind": "expert", "name": "钱教授", "organisation": "省司法鉴定中心"}],
    )
    return a1, a2, b1


async def test_filters(world: World) -> None:
    h = await hearing_scene(world)
    a1, a2, b1 = await _three(h)
    office = h.s.office
    assert await _ids(h, office) == [a1["id"], a2["id"], b1["id"]]
    assert await _ids(h, office, case_id=str(h.s.case_id)) == [a1["id"], a2["id"]]
    assert await _ids(h, office, official=str(h.official.id)) == [a2["id"], b1["id"]]
    assert await _ids(h, office, official=str(h.chair.id)) == [a1["id"], a2["id"], b1["id"]]
    day = (in_days(11).date(), in_days(12).date(), in_days(14).date())
    assert await _ids(h, office, **{"from": day[0].isoformat(), "to": day[1].isoformat()}) == [
        a2["id"]
    ]
    assert await _ids(h, office, **{"from": day[2].isoformat()}) == [b1["id"]]
    assert await _ids(h, office, to=day[0].isoformat()) == [a1["id"]]
    assert await _ids(h, office, kind="expert_consultation") == [b1["id"]]
    await h.post(office, f"/{a2['id']}/cancel", {"reason": "信访人撤回申请"})
    assert await _ids(h, office, status="cancelled") == [a2["id"]]
    assert await _ids(h, office, status=["scheduled", "held"]) == [a1["id"], b1["id"]]
    bad = await h.get(office, **{"from": "10000-01-01"})
    assert_problem(bad, 422)


async def test_keyset_pages_in_both_directions(world: World) -> None:
    h = await hearing_scene(world)
    a1, a2, b1 = await _three(h)
    for sort, expected in (("starts_at", [a1, a2, b1]), ("-starts_at", [b1, a2, a1])):
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 1, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = (await h.get(h.s.office, **params)).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [x["id"] for x in expected]
    assert_problem(await h.get(h.s.office, cursor="bm90IG91cnM"), 422)


async def test_an_officer_sees_only_the_hearings_of_their_cases(world: World) -> None:
    h = await hearing_scene(world)
    a1, a2, b1 = await _three(h)
    # The responsible person of the scene's case: its hearings, not the other case's.
    assert await _ids(h, h.s.officer) == [a1["id"], a2["id"]]
    assert_problem(await h.get(h.s.officer, f"/{b1['id']}"), 404, "hearing_not_found")
    # Sitting in on a hearing does not open the case: scope follows the case.
    assert await _ids(h, h.official) == []
    # An officer of the bureau not assigned to the case: nothing, and 404 for each.
    stranger = h.s.stranger
    assert await _ids(h, stranger) == []
    assert await _ids(h, stranger, case_id=str(h.s.case_id)) == []
    assert_problem(await h.get(stranger, f"/{a1['id']}"), 404, "hearing_not_found")
    refused = await h.post(stranger, f"/{a1['id']}/cancel", {"reason": "无权操作"})
    assert_problem(refused, 404, "hearing_not_found")
    patch = await h.patch(stranger, a1["id"], {"place": "别处"}, '"1"')
    assert_problem(patch, 404, "hearing_not_found")
    assert_problem(await h.create(stranger), 404, "case_not_found")
    assert await h.s.conn.fetchval("SELECT status FROM hearing WHERE id = $1", a1["id"]) == (
        "scheduled"
    )


async def test_a_sibling_unit_sees_nothing(world: World) -> None:
    h = await hearing_scene(world)
    a1, _, _ = await _three(h)
    sibling_office = await world.user(h.s.sibling, "office")
    sibling_leader = await world.user(h.s.sibling, "leader")
    for user in (sibling_office, sibling_leader):
        assert await _ids(h, user) == []
        assert_problem(await h.get(user, f"/{a1['id']}"), 404, "hearing_not_found")
    assert_problem(await h.create(sibling_office), 404, "case_not_found")
    # The county above both sees the bureau's hearings.
    county_leader = await world.user(h.s.county, "leader")
    assert a1["id"] in await _ids(h, county_leader)


async def test_observers_read_but_do_not_book(world: World) -> None:
    h = await hearing_scene(world)
    a1 = await h.created()
    observer = await world.user(h.s.bureau, "observer")
    assert await _ids(h, observer) == [a1["id"]]
    assert_problem(await h.create(observer), 403, "forbidden")
    assert_problem(await h.post(observer, f"/{a1['id']}/cancel", {"reason": "观察"}), 403)
