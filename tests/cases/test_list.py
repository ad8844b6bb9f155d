"""The case list: every filter, Chinese substring search, keyset pages and updated_after."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from tests.cases.support import (
    CASES,
    Bureau,
    assign,
    bureau,
    case_body,
    create_case,
    first_petitioned,
    list_cases,
    list_numbers,
    make_campaign,
    patch_case,
)
from tests.factories import World
from tests.platform.problem_json import assert_problem


async def _catalogue(world: World, b: Bureau) -> dict[str, dict[str, Any]]:
    """Five distinguishable cases in bureau A (and its sub-office), keyed by a short name."""
    office_unit = await world.unit("甲司法局城关司法所", b.a, kind="judicial_office")
    made: dict[str, dict[str, Any]] = {}
    made["notary"] = await create_case(
        world,
        b.office,
        case_body(b.campaign_id, demands="要求撤销公证书，恢复房屋继承权", risk_level="high"),
    )
    made["lawyer"] = await create_case(
        world,
        b.office,
        case_body(
            b.campaign_id,
            title="刘某投诉律师",
            category="lawyers",
            demands="要求吊销律师执业证",
            receiving_organs=[{"organ": "peoples_congress", "received_on": "2008-04-01"}],
            three_cross_flags=["cross_region", "cross_sector"],
            sensitive_period=True,
        ),
    )
    made["late"] = await create_case(
        world,
        b.office,
        first_petitioned(
            case_body(
                b.campaign_id,
                title="赵某法律援助信访案",
                category="legal_aid",
                demands="申请法律援助被拒_100%",
                threat_recorded=True,
                three_cross_flags=["cross_sector"],
            ),
            "2010-06-01",
        ),
    )
    made["office"] = await create_case(
        world,
        b.office,
        case_body(
            b.campaign_id,
            org_unit_id=str(office_unit.id),
            title="钱某不服调解信访案",
            category="peoples_mediation",
            demands="不服调解协议",
            three_cross_flags=[],
        ),
    )
    other_campaign = await make_campaign(world, b.county, name="第二轮")
    made["other"] = await create_case(
        world,
        b.office,
        case_body(other_campaign, title="孙某信访案", category="other", demands="其他诉求"),
    )
    return made


async def test_each_filter(world: World) -> None:
    b = await bureau(world)
    c = await _catalogue(world, b)
    n = {key: case["number"] for key, case in c.items()}
    await assign(world.conn, c["lawyer"]["id"], user=b.officer)
    await assign(world.conn, c["notary"]["id"], user=b.leader, role="responsible_leader")
    await assign(world.conn, c["notary"]["id"], unit=b.a, role="responsible_department")
    await world.conn.execute(
        "UPDATE petition_case SET status = 'resolving' WHERE id = $1::uuid", c["office"]["id"]
    )
    u = b.office
    assert await list_numbers(world, u) == set(n.values())
    assert await list_numbers(world, u, category="lawyers") == {n["lawyer"]}
    assert await list_numbers(world, u, status="resolving") == {n["office"]}
    assert await list_numbers(world, u, status=["resolving", "registered"]) == set(n.values())
    assert await list_numbers(world, u, receiving_organ="peoples_congress") == {n["lawyer"]}
    assert await list_numbers(world, u, risk_level="high") == {n["notary"]}
    assert await list_numbers(world, u, sensitive_period="true") == {n["lawyer"]}
    assert await list_numbers(world, u, threat_recorded="true") == {n["late"]}
    assert await list_numbers(world, u, in_scope="false") == {n["late"]}
    assert await list_numbers(world, u, in_scope="true") == set(n.values()) - {n["late"]}
    assert await list_numbers(world, u, campaign_id=c["other"]["campaign_id"]) == {n["other"]}
    assert await list_numbers(world, u, three_cross_flag="cross_sector") == {n["lawyer"], n["late"]}
    both = ["cross_sector", "cross_region"]
    assert await list_numbers(world, u, three_cross_flag=both) == {n["lawyer"]}
    assert await list_numbers(world, u, responsible_person_id=str(b.officer.id)) == {n["lawyer"]}
    assert await list_numbers(world, u, responsible_leader_id=str(b.leader.id)) == {n["notary"]}
    assert await list_numbers(world, u, responsible_leader_id=str(b.officer.id)) == set()
    assert await list_numbers(world, u, org_unit_id=c["office"]["org_unit_id"]) == {n["office"]}
    assert await list_numbers(world, u, org_unit_id=str(b.a.id)) == set(n.values())
    assert await list_numbers(world, u, org_unit_id=str(b.b.id)) == set()
    # A unit outside the caller's scope narrows nothing open: the answer is empty.
    assert await list_numbers(world, b.office_b, org_unit_id=str(b.a.id)) == set()

    page = await list_cases(world, u, responsible_leader_id=str(b.leader.id))
    (item,) = page["items"]
    assert item["responsible_leader"]["id"] == str(b.leader.id)
    assert item["responsible_leader"]["name"] == f"测试用户{b.leader.username}"
    assert item["responsible_department"] == {"id": str(b.a.id), "name": b.a.name}
    assert item["responsible_person"] is None


async def test_search_finds_chinese_substrings_and_escapes_wildcards(world: World) -> None:
    b = await bureau(world)
    c = await _catalogue(world, b)
    n = {key: case["number"] for key, case in c.items()}
    assert await list_numbers(world, b.office, q="公证") == {n["notary"]}
    assert await list_numbers(world, b.office, q="撤销公证书") == {n["notary"]}
    assert await list_numbers(world, b.office, q="律师") == {n["lawyer"]}
    assert await list_numbers(world, b.office, q=n["late"]) == {n["late"]}
    assert await list_numbers(world, b.office, q="_100%") == {n["late"]}
    assert await list_numbers(world, b.office, q="%") == {n["late"]}
    assert await list_numbers(world, b.office, q="被拒_") == {n["late"]}
    assert await list_numbers(world, b.office, q="拒x1") == set()
    assert await list_numbers(world, b.office, q="不存在的诉求") == set()


SORTS = [
    "updated_at",
    "-updated_at",
    "registered_on",
    "-registered_on",
    "first_petition_on",
    "number",
]


@pytest.mark.parametrize("sort", SORTS)
async def test_keyset_walk_returns_each_case_once_in_order(world: World, sort: str) -> None:
    b = await bureau(world)
    days = ["2026-01-05", "2026-01-03", "2026-01-03", "2026-01-09", "2026-01-01"]
    firsts = ["2008-01-01", "2008-01-01", "2007-05-05", "2009-01-01", "2008-01-01"]
    made = []
    for day, first in zip(days, firsts, strict=True):
        body = case_body(b.campaign_id, registered_on=day, procedures=[])
        body["first_petition_on"] = first
        body["receiving_organs"][0]["received_on"] = None
        made.append(await create_case(world, b.office, body))

    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 2, "sort": sort}
    for _ in range(10):
        page = await list_cases(world, b.office, **params)
        assert len(page["items"]) <= 2
        seen.extend(page["items"])
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    ids = [item["id"] for item in seen]
    assert sorted(ids) == sorted(case["id"] for case in made)
    assert len(ids) == len(set(ids))
    field, reverse = sort.lstrip("-"), sort.startswith("-")

    def key(case: dict[str, Any]) -> tuple[Any, str]:
        value = case[field]
        return (datetime.fromisoformat(value) if field == "updated_at" else value, case["id"])

    expected = sorted(made, key=key, reverse=reverse)
    assert ids == [case["id"] for case in expected]


async def test_cursors_are_checked(world: World) -> None:
    b = await bureau(world)
    for _ in range(3):
        await create_case(world, b.office, case_body(b.campaign_id))
    page = await list_cases(world, b.office, limit=1, sort="number")
    cursor = page["next_cursor"]
    response = await world.client.get(
        CASES, params={"cursor": cursor, "sort": "-updated_at"}, headers=world.auth(b.office)
    )
    assert_problem(response, 422, "validation_failed")
    for bad in ("garbage", "WyJudW1iZXIiLCJ4IiwieSJd", "WzEsMiwzXQ"):  # ["number","x","y"], [1,2,3]
        response = await world.client.get(
            CASES, params={"cursor": bad, "sort": "number"}, headers=world.auth(b.office)
        )
        assert_problem(response, 422, "validation_failed")
    for params in ({"sort": "title"}, {"limit": 201}, {"limit": 0}, {"status": "open"}):
        response = await world.client.get(CASES, params=params, headers=world.auth(b.office))
        assert_problem(response, 422, "validation_failed")


async def test_updated_after(world: World) -> None:
    b = await bureau(world)
    old = await create_case(world, b.office, case_body(b.campaign_id))
    await create_case(world, b.office, case_body(b.campaign_id))
    await asyncio.sleep(0.01)
    mark = datetime.now(UTC).isoformat()
    assert await list_numbers(world, b.office, updated_after=mark) == set()
    response = await patch_case(world, b.office, old["id"], {"risk_level": "medium"}, 1)
    assert response.status_code == 200, response.text
    assert await list_numbers(world, b.office, updated_after=mark) == {old["number"]}
    naive = await world.client.get(
        CASES, params={"updated_after": "2026-01-01T00:00:00"}, headers=world.auth(b.office)
    )
    assert_problem(naive, 422, "validation_failed")


async def test_the_search_can_use_the_trigram_index(world: World, app: Any) -> None:
    """The list filters with ILIKE on the column itself, which ix_petition_case_search answers
    (an expression such as lower(search_text) LIKE … could not use it)."""
    b = await bureau(world)
    await create_case(world, b.office, case_body(b.campaign_id))
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        if "ILIKE" in statement:
            captured.append((statement, parameters))

    engine = app.state.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        assert await list_numbers(world, b.office, q="撤销公证书")
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    ((statement, parameters),) = captured
    assert re.search(r"petition_case\.search_text ILIKE \$\d+", statement), statement
    (pattern,) = [p for p in parameters if isinstance(p, str) and p.startswith("%")]
    assert pattern == "%撤销公证书%"
    async with world.conn.transaction():
        await world.conn.execute("SET LOCAL enable_seqscan = off")
        plan = await world.conn.fetch(
            "EXPLAIN SELECT id FROM petition_case WHERE search_text ILIKE $1 ESCAPE '\\'", pattern
        )
    text = "\n".join(row[0] for row in plan)
    assert "ix_petition_case_search" in text, text
