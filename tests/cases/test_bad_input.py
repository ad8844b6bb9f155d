"""Bad input gets a 4xx problem+json pointing at the field, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.cases.support import (
    CASES,
    Bureau,
    bureau,
    case_body,
    counts,
    create_case,
    fresh_id_number,
    make_campaign,
    wrong_check_digit,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers

Body = dict[str, Any]


def _petitioner(**fields: Any) -> Callable[[Body], None]:
    def change(body: Body) -> None:
        body["petitioners"] = [{"name": "张某", **fields}]

    return change


def _set(**fields: Any) -> Callable[[Body], None]:
    return lambda body: body.update(fields)


# (change to a valid body, expected status, expected code, a pointer the problem must list)
CASES_422: list[tuple[str, Callable[[Body], None], str]] = [
    (
        "id check digit",
        _petitioner(id_number=wrong_check_digit(fresh_id_number())),
        "#/petitioners/0/id_number",
    ),
    ("NUL in title", _set(title="王某\x00信访"), "#/title"),
    ("NUL in a petitioner", _petitioner(address="村\x00"), "#/petitioners/0/address"),
    ("1 MB demands", _set(demands="诉" * (1024 * 1024 // 3)), "#/demands"),
    ("unknown category", _set(category="divorce"), "#/category"),
    ("unknown flag", _set(three_cross_flags=["cross_galaxy"]), "#/three_cross_flags/0"),
    ("unknown organ", _set(receiving_organs=[{"organ": "court"}]), "#/receiving_organs/0/organ"),
    ("petition_count 2**40", _set(petition_count=2**40), "#/petition_count"),
    ("petition_count 0", _set(petition_count=0), "#/petition_count"),
    ("group_size 2**31", _set(group_size=2**31), "#/group_size"),
    ("negative visits", _set(beijing_visits=-1), "#/beijing_visits"),
    ("no receiving organ", _set(receiving_organs=[]), "#/receiving_organs"),
    ("no petitioner", _set(petitioners=[]), "#/petitioners"),
    ("51 petitioners", _set(petitioners=[{"name": f"人{i}"} for i in range(51)]), "#/petitioners"),
    (
        "ref plus fields",
        _set(petitioners=[{"petitioner_id": "x", "name": "甲"}]),
        "#/petitioners/0",
    ),
    ("bad petitioner id", _set(petitioners=[{"petitioner_id": "x"}]), "#/petitioners/0"),
    ("unknown field", _set(status="resolved"), "#/status"),
    ("duplicate flags", _set(three_cross_flags=["cross_region"] * 2), "#/three_cross_flags/1"),
    ("first after registration", _set(registered_on="2008-01-01"), "#/first_petition_on"),
    ("registered in future", _set(registered_on="2999-01-01"), "#/registered_on"),
    ("latest before first", _set(latest_petition_on="2001-01-01"), "#/latest_petition_on"),
    (
        "effective before decision",
        _set(decision_effective_on="2001-01-01"),
        "#/decision_effective_on",
    ),
    (
        "organ before first",
        _set(receiving_organs=[{"organ": "government", "received_on": "2001-01-01"}]),
        "#/receiving_organs/0/received_on",
    ),
    (
        "procedures out of order",
        _set(
            procedures=[{"stage": "re_review", "organ": "甲"}, {"stage": "review", "organ": "乙"}]
        ),
        "#/procedures/1/stage",
    ),
    ("year 1800", _set(first_petition_on="1800-01-01"), "#/first_petition_on"),
    ("not a date", _set(first_petition_on="2008-02-30"), "#/first_petition_on"),
    ("missing demands", lambda body: body.pop("demands"), "#/demands"),
    ("blank title", _set(title="   "), "#/title"),
]


@pytest.mark.parametrize(("name", "change", "pointer"), CASES_422, ids=[c[0] for c in CASES_422])
async def test_bad_input_is_422_with_a_pointer_and_writes_nothing(
    world: World, name: str, change: Callable[[Body], None], pointer: str
) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id)
    change(body)
    before = await counts(world.conn)
    response = await world.client.post(CASES, json=body, headers=world.auth(b.office))
    problem = assert_problem(response, 422)
    assert any(p == pointer or p.startswith(pointer + "/") for p in pointers(problem)), problem
    assert await counts(world.conn) == before
    assert await world.conn.fetchval("SELECT count(*) FROM case_number_counter") == 0


async def _refused(world: World, b: Bureau, body: Body, status: int, code: str) -> Any:
    before = await counts(world.conn)
    response = await world.client.post(CASES, json=body, headers=world.auth(b.office))
    problem = assert_problem(response, status, code)
    assert await counts(world.conn) == before
    return problem


async def test_another_units_petitioner_is_404_and_nothing_is_written(world: World) -> None:
    b = await bureau(world)
    theirs = await create_case(world, b.office_b, case_body(b.campaign_id))
    their_person = theirs["petitioners"][0]["id"]
    body = case_body(b.campaign_id)
    body["petitioners"].append({"petitioner_id": their_person})
    problem = await _refused(world, b, body, 404, "petitioner_not_found")
    assert pointers(problem) == ["#/petitioners/1/petitioner_id"]


async def test_a_sibling_units_campaign_is_404(world: World) -> None:
    b = await bureau(world)
    theirs = await make_campaign(world, b.b, name="乙局自查")
    await _refused(world, b, case_body(theirs), 404, "campaign_not_found")


async def test_a_unit_outside_the_callers_scope_is_404(world: World) -> None:
    b = await bureau(world)
    await _refused(
        world, b, case_body(b.campaign_id, org_unit_id=str(b.b.id)), 404, "org_unit_not_found"
    )


async def test_a_campaign_of_a_sub_unit_does_not_cover_the_parent(world: World) -> None:
    b = await bureau(world)
    office = await world.unit("城关司法所", b.a, kind="judicial_office")
    narrow = await make_campaign(world, office, name="司法所自查")
    problem = await _refused(world, b, case_body(narrow), 422, "validation_failed")
    assert pointers(problem) == ["#/campaign_id"]


async def test_an_oversized_body_is_413(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id, demands="诉" * (3 * 1024 * 1024))
    await _refused(world, b, body, 413, "payload_too_large")


async def test_validation_details_follow_the_language(world: World) -> None:
    b = await bureau(world)
    body = case_body(b.campaign_id, title="x" * 201)
    headers = {**world.auth(b.office), "Accept-Language": "en"}
    response = await world.client.post(CASES, json=body, headers=headers)
    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"] == [
        {
            "pointer": "#/title",
            "detail": "String should have at most 200 characters",
            "code": "string_too_long",
        }
    ]
    response = await world.client.post(CASES, json=body, headers=world.auth(b.office))
    assert response.json()["errors"][0]["detail"] == "长度不能超过 200 个字符"
