"""Who sees which applications (their case's scope), the list's filters and pages, and the
duplicate flag across cases by ID number."""

from __future__ import annotations

import httpx
import pytest

from tests.cases.support import id_number
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.relief.conftest import MoveClock
from tests.relief.support import APPS, beijing, link, relief_scene


async def test_outside_the_case_scope_is_404(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create())["id"]
    await r.ok(s.officer, app_id, "submit")
    sibling_office = await world.user(s.sibling, "office")
    sibling_leader = await world.user(s.sibling, "leader")
    for user in (s.stranger, sibling_office, sibling_leader):
        assert_problem(await r.get(user, f"/{app_id}"), 404, "relief_application_not_found")
        assert (await r.get(user)).json()["items"] == []
    assert_problem(await r.step(s.stranger, app_id, "submit"), 404)
    assert_problem(await r.step(sibling_office, app_id, "unit-opinion"), 404)
    response = await r.step(sibling_leader, app_id, "reject")
    assert_problem(response, 404, "relief_application_not_found")
    headers = {**world.auth(s.stranger), "If-Match": "*"}
    response = await world.client.patch(f"{APPS}/{app_id}", json={}, headers=headers)
    assert_problem(response, 404)
    # Creating on a case out of sight is the case's 404, not a hint that it exists.
    assert_problem(await r.post(s.stranger, "", r.body()), 404, "case_not_found")
    assert_problem(await r.post(sibling_office, "", r.body()), 404, "case_not_found")
    # The county sees its bureaus' applications; the assigned officer sees the case's.
    county_leader = await world.user(s.county, "leader")
    for user in (county_leader, s.officer):
        assert (await r.get(user, f"/{app_id}")).status_code == 200
    assert (await world.client.get(f"{APPS}/{app_id}")).status_code == 401


async def test_list_filters_and_pages(world: World, move_clock: MoveClock) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    other = await r.petitioner(s.office, s.case_id)
    a = (await r.create())["id"]
    b = (await r.create(applicant_petitioner_id=str(other)))["id"]
    c = (await r.create())["id"]
    await r.ok(s.officer, b, "submit")
    second_case = await r.case()
    p2 = await r.petitioner(s.office, second_case)
    d = (await r.create(s.office, case_id=str(second_case), applicant_petitioner_id=str(p2)))["id"]

    def ids(response: httpx.Response) -> list[str]:
        return [item["id"] for item in response.json()["items"]]

    assert ids(await r.get(s.office)) == [d, c, b, a]  # newest first
    assert ids(await r.get(s.officer)) == [c, b, a]  # not assigned to the second case
    assert ids(await r.get(s.office, case_id=str(s.case_id))) == [c, b, a]
    assert ids(await r.get(s.office, step="submitted")) == [b]
    assert ids(await r.get(s.office, step=["submitted", "draft"], applicant=str(other))) == [b]
    assert ids(await r.get(s.office, applicant=str(r.petitioner_id))) == [c, a]

    first = (await r.get(s.office, limit=3)).json()
    assert [i["id"] for i in first["items"]] == [d, c, b]
    rest = (await r.get(s.office, limit=3, cursor=first["next_cursor"])).json()
    assert ([i["id"] for i in rest["items"]], rest["next_cursor"]) == ([a], None)
    response = await r.get(s.office, cursor="bm90LWEtY3Vyc29y")
    assert_problem(response, 422, "validation_failed")
    assert_problem(await r.get(s.office, step="paid"), 422)


@pytest.mark.parametrize("same_row", [False, True], ids=["same_id_number", "same_petitioner"])
async def test_duplicates_across_cases_by_id_number(
    world: World, move_clock: MoveClock, same_row: bool
) -> None:
    """The sibling bureau registered the same person separately (same ID number, another row);
    or the same petitioner row is on two cases. Either way both applications flag the other."""
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    number = id_number(900)
    mine = await r.petitioner(s.office, s.case_id, number=number)
    first = (await r.create(applicant_petitioner_id=str(mine)))["id"]
    await r.ok(s.officer, first, "submit")
    untouched = (await r.create())["id"]  # another person: no flag

    sibling_office = await world.user(s.sibling, "office")
    their_case = await r.case(s.sibling)
    if same_row:
        await link(world, their_case, mine)
        theirs = mine
    else:
        theirs = await r.petitioner(sibling_office, their_case, number=number)
        assert theirs != mine
    second = await r.create(
        sibling_office, case_id=str(their_case), applicant_petitioner_id=str(theirs)
    )
    assert second["duplicates"] == [
        {"application_id": first, "case_id": str(s.case_id), "step": "submitted"}
    ]
    # Only ids and the step: nothing about the person travels with the flag.
    assert set(second["duplicates"][0]) == {"application_id", "case_id", "step"}
    mine_now = (await r.get(s.office, f"/{first}")).json()
    assert mine_now["duplicates"] == [
        {"application_id": second["id"], "case_id": str(their_case), "step": "draft"}
    ]
    assert (await r.get(s.office, f"/{untouched}")).json()["duplicates"] == []
    listed = {i["id"]: i["duplicates"] for i in (await r.get(s.office)).json()["items"]}
    assert [d["application_id"] for d in listed[first]] == [second["id"]]
    # A second application on the same case is not a cross-case duplicate.
    again = await r.create(applicant_petitioner_id=str(mine))
    assert [d["application_id"] for d in again["duplicates"]] == [second["id"]]
