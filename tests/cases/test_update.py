"""Correcting a case: If-Match, whole-list replacement, what may not change, and the audit."""

from __future__ import annotations

import asyncio
import json
from datetime import date

from tests.cases.support import (
    bureau,
    case_body,
    counts,
    create_case,
    first_petitioned,
    get_case,
    make_campaign,
    patch_case,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers


async def test_patch_changes_fields_bumps_version_and_is_audited(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    change = {
        "title": "王某某不服公证书信访案（补正）",
        "risk_level": "high",
        "threat_recorded": True,
        "threat_note": "扬言进京",
        "three_cross_flags": ["cross_region", "person_household_separated"],
        "cause": None,
        "decision_summary": "公证书认定继承关系",
    }
    response = await patch_case(world, b.office, case["id"], change, 1)
    assert response.status_code == 200, response.text
    updated = response.json()
    assert response.headers["etag"] == '"2"'
    assert updated["version"] == 2
    assert updated["risk_level"] == "high" and updated["threat_recorded"] is True
    assert updated["three_cross_flags"] == ["cross_region", "person_household_separated"]
    assert updated["number"] == case["number"]
    assert updated["updated_at"] > case["updated_at"]
    assert updated["created_at"] == case["created_at"]
    # Untouched fields stay.
    assert updated["demands"] == case["demands"]
    assert updated["petitioners"] == case["petitioners"]

    row = await world.conn.fetchrow(
        "SELECT action, case_id, before::text AS before, after::text AS after "
        "FROM audit_event ORDER BY id DESC LIMIT 1"
    )
    assert row["action"] == "case.update"
    assert str(row["case_id"]) == case["id"]
    before, after = json.loads(row["before"]), json.loads(row["after"])
    assert before["risk_level"] == "low" and after["risk_level"] == "high"
    assert "demands" not in after  # only what changed


async def test_lists_are_replaced_as_a_whole(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    first_person = case["petitioners"][0]["id"]
    change = {
        "receiving_organs": [
            {"organ": "political_legal_committee", "reference_number": "政法〔2009〕3号"},
            {"organ": "municipal_justice_bureau", "received_on": "2008-04-01"},
        ],
        "procedures": [
            {"stage": "initial", "organ": "清溪县司法局", "decided_on": "2008-05-01"},
            {"stage": "review", "organ": "市司法局", "decided_on": "2008-09-01"},
            {"stage": "re_review", "organ": "省司法厅", "decided_on": "2009-01-10"},
        ],
        "petitioners": [{"name": "李某"}, {"petitioner_id": first_person}],
        "group_size": 2,
    }
    response = await patch_case(world, b.office, case["id"], change, 1)
    assert response.status_code == 200, response.text
    updated = response.json()
    assert [o["organ"] for o in updated["receiving_organs"]] == [
        "political_legal_committee",
        "municipal_justice_bureau",
    ]
    assert [p["stage"] for p in updated["procedures"]] == ["initial", "review", "re_review"]
    assert [p["name"] for p in updated["petitioners"]] == ["李某", "王某某"]
    assert updated["petitioners"][1]["id"] == first_person

    shorter = {"receiving_organs": [{"organ": "government"}], "procedures": []}
    response = await patch_case(world, b.office, case["id"], shorter, 2)
    assert response.status_code == 200, response.text
    assert [o["organ"] for o in response.json()["receiving_organs"]] == ["government"]
    assert response.json()["procedures"] == []
    # Only the lists changed, not a column of the case: still a new version of the case.
    assert response.json()["version"] == 3
    assert response.json()["updated_at"] > updated["updated_at"]
    stored = await world.conn.fetchval(
        "SELECT count(*) FROM case_receiving_organ WHERE case_id = $1::uuid", case["id"]
    )
    assert stored == 1
    # The petitioner taken off the case still exists.
    assert await world.conn.fetchval("SELECT count(*) FROM petitioner") == 2


async def test_patch_without_if_match_is_428_and_stale_is_412(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    response = await patch_case(world, b.office, case["id"], {"title": "新案由"}, None)
    assert_problem(response, 428, "precondition_required")
    response = await patch_case(world, b.office, case["id"], {"title": "新案由"}, 7)
    assert_problem(response, 412, "precondition_failed")
    assert (await get_case(world, b.office, case["id"])).json()["title"] == case["title"]


async def test_an_empty_patch_changes_nothing(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    before = await counts(world.conn)
    response = await patch_case(world, b.office, case["id"], {"title": case["title"]}, 1)
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 1
    assert await counts(world.conn) == before


async def test_twenty_concurrent_patches_with_one_if_match(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    responses = await asyncio.gather(
        *(patch_case(world, b.office, case["id"], {"title": f"并发修改 {i}"}, 1) for i in range(20))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [412] * 19, [r.text for r in responses if r.status_code >= 500]
    winner = next(r for r in responses if r.status_code == 200).json()
    stored = await world.conn.fetchrow(
        "SELECT title, version FROM petition_case WHERE id = $1::uuid", case["id"]
    )
    assert (stored["title"], stored["version"]) == (winner["title"], 2)
    updates = await world.conn.fetchval(
        "SELECT count(*) FROM audit_event WHERE action = 'case.update'"
    )
    assert updates == 1


async def test_status_outcome_and_number_are_not_patchable(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    before = await counts(world.conn)
    for change in (
        {"status": "resolved"},
        {"outcome_kind": "educated"},
        {"number": "X-2026-0001"},
        {"org_unit_id": str(b.b.id)},
        {"version": 5},
    ):
        response = await patch_case(world, b.office, case["id"], change, 1)
        problem = assert_problem(response, 422, "validation_failed")
        assert pointers(problem) == [f"#/{next(iter(change))}"]
    assert await counts(world.conn) == before


async def test_null_is_refused_for_required_fields_and_clears_optional_ones(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    response = await patch_case(world, b.office, case["id"], {"title": None, "demands": None}, 1)
    problem = assert_problem(response, 422, "validation_failed")
    assert sorted(pointers(problem)) == ["#/demands", "#/title"]
    response = await patch_case(world, b.office, case["id"], {"decision_organ": None}, 1)
    assert response.status_code == 200, response.text
    assert response.json()["decision_organ"] is None


async def test_rules_apply_to_the_merged_case(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    before = await counts(world.conn)
    cases = [
        ({"registered_on": "2008-01-01"}, "#/registered_on"),  # also another year
        ({"first_petition_on": "2009-12-01"}, "#/first_petition_on"),
        ({"latest_petition_on": "2001-01-01"}, "#/latest_petition_on"),
        ({"decision_effective_on": "2007-01-01"}, "#/decision_effective_on"),
        (
            {
                "procedures": [
                    {"stage": "review", "organ": "甲"},
                    {"stage": "initial", "organ": "乙"},
                ]
            },
            "#/procedures/1/stage",
        ),
        ({"three_cross_flags": ["cross_sector", "cross_sector"]}, "#/three_cross_flags/1"),
        ({"group_size": 1, "petitioners": [{"name": "甲"}, {"name": "乙"}]}, "#/group_size"),
        ({"latest_petition_on": "2999-01-01"}, "#/latest_petition_on"),
    ]
    for change, pointer in cases:
        response = await patch_case(world, b.office, case["id"], change, 1)
        problem = assert_problem(response, 422, "validation_failed")
        assert pointer in pointers(problem), (change, problem)
    assert await counts(world.conn) == before


async def test_rule_messages_follow_accept_language(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    headers = {**world.auth(b.office), "If-Match": '"1"', "Accept-Language": "en"}
    change = {"first_petition_on": "2009-12-01"}
    response = await world.client.patch(f"/api/v1/cases/{case['id']}", json=change, headers=headers)
    problem = assert_problem(response, 422, "validation_failed")
    assert problem["detail"] == "The submitted data is not valid"
    assert "must not be after" in problem["errors"][0]["detail"]
    headers["Accept-Language"] = "zh-CN"
    response = await world.client.patch(f"/api/v1/cases/{case['id']}", json=change, headers=headers)
    assert "不能晚于" in response.json()["errors"][0]["detail"]


async def test_moving_a_case_to_another_campaign_recomputes_scope(world: World) -> None:
    b = await bureau(world)
    body = first_petitioned(case_body(b.campaign_id), "2011-05-01")
    case = await create_case(world, b.office, body)
    assert case["in_scope"] is False
    later = await make_campaign(world, b.county, cutoff=date(2012, 12, 31), name="第二轮")
    response = await patch_case(world, b.office, case["id"], {"campaign_id": str(later)}, 1)
    assert response.status_code == 200, response.text
    assert response.json()["in_scope"] is True
    assert response.json()["out_of_scope_reason"] is None

    before = await counts(world.conn)
    sibling = await make_campaign(world, b.b, name="乙局自查")
    response = await patch_case(world, b.office, case["id"], {"campaign_id": str(sibling)}, 2)
    assert_problem(response, 404, "campaign_not_found")
    office_unit = await world.unit("城关司法所", b.a, kind="judicial_office")
    narrow = await make_campaign(world, office_unit, name="司法所自查")
    response = await patch_case(world, b.office, case["id"], {"campaign_id": str(narrow)}, 2)
    assert pointers(assert_problem(response, 422, "validation_failed")) == ["#/campaign_id"]
    assert await counts(world.conn) == before


async def test_patch_links_only_visible_petitioners(world: World) -> None:
    b = await bureau(world)
    case = await create_case(world, b.office, case_body(b.campaign_id))
    theirs = await create_case(world, b.office_b, case_body(b.campaign_id))
    change = {"petitioners": [{"petitioner_id": theirs["petitioners"][0]["id"]}]}
    before = await counts(world.conn)
    response = await patch_case(world, b.office, case["id"], change, 1)
    problem = assert_problem(response, 404, "petitioner_not_found")
    assert pointers(problem) == ["#/petitioners/0/petitioner_id"]
    assert await counts(world.conn) == before
