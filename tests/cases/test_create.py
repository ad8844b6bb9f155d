"""Registering a case: the stored case, its number, scope, audit and what the API echoes back."""

from __future__ import annotations

import re
from datetime import date, datetime

from anjie.core import clock
from tests.cases.support import (
    CASES,
    ID_1234,
    PHONE,
    bureau,
    case_body,
    counts,
    create_case,
    first_petitioned,
    get_case,
    make_campaign,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem


async def test_create_returns_the_case_with_number_etag_and_location(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id)
    body["petitioners"] = [{"name": "王某某", "id_number": ID_1234, "phone": PHONE}]
    response = await world.client.post(CASES, json=body, headers=world.auth(b.office))
    assert response.status_code == 201, response.text
    case = response.json()
    year = clock.today().year
    code = await world.conn.fetchval("SELECT code FROM org_unit WHERE id = $1", b.a.id)
    assert case["number"] == f"{code}-{year}-0001"
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"{CASES}/{case['id']}"
    assert case["version"] == 1
    assert case["org_unit_id"] == str(b.a.id)
    assert case["registered_on"] == clock.today().isoformat()
    assert case["status"] == "registered"
    assert case["title"] == "王某某不服公证书信访案"
    assert case["group_size"] == 1
    assert case["petition_count"] == 7
    assert case["three_cross"] is True
    assert case["three_cross_flags"] == ["cross_region"]
    assert case["in_scope"] is True and case["out_of_scope_reason"] is None
    assert [o["organ"] for o in case["receiving_organs"]] == ["municipal_justice_bureau"]
    assert case["receiving_organs"][0]["reference_number"] == "市司信〔2009〕12号"
    assert [p["stage"] for p in case["procedures"]] == ["initial", "review"]
    assert case["responsible_person"] is None and case["responsible_leader"] is None
    (person,) = case["petitioners"]
    assert person["id_number"] == "510***********1234"
    assert person["phone"] == "138****5678"
    assert person["org_unit_id"] == str(b.a.id)
    assert ID_1234 not in response.text
    datetime.fromisoformat(case["created_at"])

    fetched = await get_case(world, b.office, case["id"])
    assert fetched.status_code == 200, fetched.text
    assert fetched.headers["etag"] == '"1"'
    assert fetched.json() == case


async def test_create_is_audited_with_the_case_id(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    rows = await world.conn.fetch(
        "SELECT action, entity_type, entity_id, case_id, org_path, after::text AS after "
        "FROM audit_event ORDER BY id"
    )
    assert [r["action"] for r in rows] == ["petitioner.create", "case.create"]
    assert all(str(r["case_id"]) == case["id"] for r in rows)
    assert rows[1]["entity_id"] == case["id"]
    assert rows[1]["org_path"] == b.a.path
    assert case["number"] in rows[1]["after"]
    assert case["petitioners"][0]["id"] in rows[1]["after"]


async def test_defaults_and_group_size(world: World) -> None:
    b = await bureau(world)
    body = case_body(
        b.campaign_id,
        petitioners=[{"name": "甲"}, {"name": "乙"}, {"name": "丙"}],
        registered_on="2026-01-05",
    )
    for key in ("three_cross_flags", "procedures", "latest_petition_on"):
        body.pop(key)
    case = await create_case(world, b.office, body)
    assert case["group_size"] == 3
    assert case["number"].endswith("-2026-0001")
    assert case["registered_on"] == "2026-01-05"
    assert case["three_cross"] is False and case["three_cross_flags"] == []
    assert case["procedures"] == [] and case["risk_level"] == "low"
    assert [p["name"] for p in case["petitioners"]] == ["甲", "乙", "丙"]

    too_small = case_body(b.campaign_id, group_size=1, petitioners=[{"name": "甲"}, {"name": "乙"}])
    response = await world.client.post(CASES, json=too_small, headers=world.auth(b.office))
    body_ = assert_problem(response, 422, "validation_failed")
    assert body_["errors"][0]["pointer"] == "#/group_size"


async def test_numbers_restart_per_unit_and_year(world: World) -> None:
    b = await bureau(world)
    first = await create_case(world, b.office, case_body(b.campaign_id, registered_on="2025-12-30"))
    second = await create_case(
        world, b.office, case_body(b.campaign_id, registered_on="2025-12-31")
    )
    third = await create_case(world, b.office, case_body(b.campaign_id, registered_on="2026-01-02"))
    other = await create_case(world, b.office_b, case_body(b.campaign_id))
    assert re.fullmatch(r".+-2025-0001", first["number"])
    assert re.fullmatch(r".+-2025-0002", second["number"])
    assert re.fullmatch(r".+-2026-0001", third["number"])
    assert other["number"].endswith(f"-{clock.today().year}-0001")
    assert other["number"] != third["number"]


async def test_a_case_after_the_cutoff_is_out_of_scope_with_a_reason(world: World) -> None:
    b = await bureau(world)
    body = first_petitioned(case_body(b.campaign_id), "2010-03-01")
    case = await create_case(world, b.office, body)
    assert case["in_scope"] is False
    reason = case["out_of_scope_reason"]
    assert reason["code"] == "first_petition_after_cutoff"
    assert reason["cutoff_date"] == "2009-12-31"
    assert "2010-03-01" in reason["zh-CN"] and "截止日期" in reason["zh-CN"]
    assert "cut-off" in reason["en"]

    body = first_petitioned(case_body(b.campaign_id), "2009-12-31")
    on_the_day = await create_case(world, b.office, body)
    assert on_the_day["in_scope"] is True


async def test_another_campaign_decides_scope_by_its_own_cutoff(world: World) -> None:
    b = await bureau(world)
    later = await make_campaign(world, b.a, cutoff=date(2012, 12, 31), name="第二轮")
    body = first_petitioned(case_body(later), "2010-03-01")
    case = await create_case(world, b.office, body)
    assert case["campaign_id"] == str(later)
    assert case["in_scope"] is True


async def test_creating_a_case_needs_cases_create(world: World) -> None:
    b = await bureau(world)
    before = await counts(world.conn)
    for user in (b.officer, b.observer):
        response = await world.client.post(
            CASES, json=case_body(b.campaign_id), headers=world.auth(user)
        )
        assert_problem(response, 403, "forbidden")
    assert await counts(world.conn) == before


async def test_known_petitioner_by_id_and_a_duplicate_id_number(world: World) -> None:
    b = await bureau(world)
    first_body = case_body(b.campaign_id)
    first_number = first_body["petitioners"][0]["id_number"]
    first = await create_case(world, b.office, first_body)
    known = first["petitioners"][0]["id"]
    second = await create_case(
        world, b.office, case_body(b.campaign_id, petitioners=[{"petitioner_id": known}])
    )
    assert [p["id"] for p in second["petitioners"]] == [known]

    before = await counts(world.conn)
    again = case_body(b.campaign_id)  # the same ID number as a new petitioner
    again["petitioners"] = [{"name": "王某某", "id_number": first_number}]
    response = await world.client.post(CASES, json=again, headers=world.auth(b.office))
    problem = assert_problem(response, 409, "petitioner_exists")
    assert problem["errors"][0]["pointer"] == "#/petitioners/0/id_number"
    assert problem["errors"][0]["petitioner_id"] == known
    twice = case_body(b.campaign_id, petitioners=[{"petitioner_id": known}] * 2)
    response = await world.client.post(CASES, json=twice, headers=world.auth(b.office))
    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["pointer"] == "#/petitioners/1/petitioner_id"
    assert await counts(world.conn) == before
