"""Who sees which case: outside one's scope a case is 404, never 403, and absent from lists."""

from __future__ import annotations

import uuid

from tests.cases.support import (
    ID_1234,
    PHONE,
    assign,
    bureau,
    case_body,
    create_case,
    get_case,
    list_numbers,
    patch_case,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.workflow.support import scene


async def test_an_officer_sees_only_the_cases_assigned_to_them(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    other = await create_case(world, b.office, case_body(b.campaign_id))

    assert_problem(await get_case(world, b.officer, case["id"]), 404, "case_not_found")
    response = await patch_case(world, b.officer, case["id"], {"risk_level": "high"}, 1)
    assert_problem(response, 404, "case_not_found")
    assert await list_numbers(world, b.officer) == set()

    await assign(world.conn, case["id"], user=b.officer)
    fetched = await get_case(world, b.officer, case["id"])
    assert fetched.status_code == 200, fetched.text
    assert fetched.json()["responsible_person"]["id"] == str(b.officer.id)
    assert await list_numbers(world, b.officer) == {case["number"]}
    response = await patch_case(world, b.officer, case["id"], {"risk_level": "high"}, 1)
    assert response.status_code == 200, response.text
    assert_problem(await get_case(world, b.officer, other["id"]), 404, "case_not_found")

    # An ended assignment no longer opens the case.
    await world.conn.execute(
        "UPDATE case_assignment SET ended_at = now() WHERE case_id = $1::uuid", case["id"]
    )
    assert_problem(await get_case(world, b.officer, case["id"]), 404, "case_not_found")


async def test_an_officer_may_link_known_petitioners_but_not_register_new_ones(
    world: World,
) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    await assign(world.conn, case["id"], user=b.officer)
    response = await patch_case(world, b.officer, case["id"], {"petitioners": [{"name": "新"}]}, 1)
    assert_problem(response, 403, "forbidden")
    assert await world.conn.fetchval("SELECT count(*) FROM petitioner") == 1


async def test_a_sibling_unit_gets_404_everywhere(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    leader_b = await world.user(b.b, "leader")
    for user in (b.office_b, leader_b):
        assert_problem(await get_case(world, user, case["id"]), 404, "case_not_found")
        response = await patch_case(world, user, case["id"], {"title": "改"}, 1)
        assert_problem(response, 404, "case_not_found")
        assert await list_numbers(world, user) == set()
    assert_problem(await get_case(world, b.office, str(uuid.uuid4())), 404, "case_not_found")


async def test_the_county_sees_its_bureaus_cases(world: World) -> None:
    b = await bureau(world)
    a_case = await create_case(world, b.office, case_body(b.campaign_id))
    b_case = await create_case(world, b.office_b, case_body(b.campaign_id))
    county_leader = await world.user(b.county, "leader")
    assert await list_numbers(world, county_leader) == {a_case["number"], b_case["number"]}
    narrowed = await list_numbers(world, county_leader, org_unit_id=str(b.b.id))
    assert narrowed == {b_case["number"]}


async def test_an_observer_reads_masked_data_and_cannot_write(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id)
    body["petitioners"] = [{"name": "王某某", "id_number": ID_1234, "phone": PHONE}]
    case = await create_case(world, b.office, body)

    fetched = await get_case(world, b.observer, case["id"])
    assert fetched.status_code == 200, fetched.text
    person = fetched.json()["petitioners"][0]
    assert person["id_number"] == "510***********1234"
    assert person["phone"] == "138****5678"
    assert ID_1234 not in fetched.text and PHONE not in fetched.text
    assert await list_numbers(world, b.observer) == {case["number"]}

    response = await patch_case(world, b.observer, case["id"], {"title": "改"}, 1)
    assert_problem(response, 403, "forbidden")
    reveal = await world.client.post(
        f"/api/v1/petitioners/{person['id']}/reveal",
        json={"reason": "核对身份"},
        headers=world.auth(b.observer),
    )
    assert_problem(reveal, 403, "forbidden")


async def test_an_officer_from_a_judicial_office_sees_which_unit_owns_the_case(
    world: World,
) -> None:
    s = await scene(world)
    office_unit = await world.unit("城关司法所", s.bureau, kind="judicial_office")
    officer = await world.user(office_unit, "officer")
    assert (await s.assign("responsible_person", user=officer)).status_code == 201
    response = await world.client.get(f"/api/v1/cases/{s.case_id}", headers=world.auth(officer))
    assert response.status_code == 200, response.text
    assert response.json()["org_unit_name"] == s.bureau.name
    # The unit itself stays outside the officer's subtree: its name comes with the case only.
    unit = await world.client.get(f"/api/v1/org-units/{s.bureau.id}", headers=world.auth(officer))
    assert_problem(unit, 404)
    listed = await world.client.get("/api/v1/cases", headers=world.auth(officer))
    assert [c["org_unit_name"] for c in listed.json()["items"]] == [s.bureau.name]
