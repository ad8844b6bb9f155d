"""Hostile and mistaken input: every refusal is a 4xx problem and leaves nothing written."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.cases.support import assign
from tests.notices.support import NoticeScene
from tests.platform.problem_json import assert_problem, pointers

_TABLES = (
    "supervision_notice",
    "supervision_notice_counter",
    "supervision_reply",
    "deadline",
    "audit_event",
)


async def _written(n: NoticeScene) -> dict[str, int]:
    return {t: await n.count(t) for t in _TABLES}


@pytest.mark.parametrize(
    ("overrides", "pointer"),
    [
        ({"to_user_ids": []}, "#/to_user_ids"),
        ({"to_user_ids": None}, "#/to_user_ids"),
        ({"to_user_ids": ["not-a-uuid"]}, "#/to_user_ids/0"),
        ({"reply_due_on": "2026-12-02"}, "#/reply_due_on"),  # today
        ({"reply_due_on": "2020-01-01"}, "#/reply_due_on"),
        ({"reply_due_on": "9999-12-31"}, "#/reply_due_on"),
        ({"reply_due_on": "2026-02-30"}, "#/reply_due_on"),
        ({"reason": "督办\x00事由"}, "#/reason"),
        ({"requirements": "   "}, "#/requirements"),
        ({"reason": "长" * 20_001}, "#/reason"),
        ({"surprise": 1}, "#/surprise"),
        ({"to_unit_id": "x"}, "#/to_unit_id"),
    ],
)
async def test_bad_bodies_are_refused(
    n: NoticeScene, overrides: dict[str, Any], pointer: str
) -> None:
    before = await _written(n)

    problem = assert_problem(await n.issue(**overrides), 422)

    assert pointer in pointers(problem), problem
    assert await _written(n) == before


async def test_addressees_must_hold_the_case_within_the_issuers_scope(n: NoticeScene) -> None:
    before = await _written(n)
    elsewhere = await n.world.user(n.s.sibling, "officer")
    # Holding the case does not make someone outside the issuer's subtree addressable.
    await assign(n.conn, n.s.case_id, user=elsewhere, role="team_member")
    disabled = await n.world.user(n.s.bureau, "officer", active=False)
    await assign(n.conn, n.s.case_id, user=disabled, role="team_member")
    body = [
        str(n.holder.id),
        str(uuid.uuid4()),  # nobody
        str(n.s.stranger.id),  # in the bureau, but holds nothing on the case
        str(elsewhere.id),
        str(disabled.id),
        str(n.holder.id),  # twice
    ]

    problem = assert_problem(await n.issue(to_user_ids=body), 422, "validation_failed")

    codes = {e["pointer"]: e["code"] for e in problem["errors"]}
    assert codes == {
        "#/to_user_ids/1": "not_addressable",
        "#/to_user_ids/2": "not_addressable",
        "#/to_user_ids/3": "not_addressable",
        "#/to_user_ids/4": "not_addressable",
        "#/to_user_ids/5": "duplicate",
    }
    assert await _written(n) == before


async def test_the_unit_must_be_within_the_issuers_scope(n: NoticeScene) -> None:
    before = await _written(n)
    for unit_id in (n.s.sibling.id, n.s.county.id, uuid.uuid4()):
        problem = assert_problem(await n.issue(to_unit_id=str(unit_id)), 422)
        assert pointers(problem) == ["#/to_unit_id"]
    assert await _written(n) == before


async def test_unknown_or_other_units_cases_are_not_found(n: NoticeScene) -> None:
    before = await _written(n)
    other_case = await n.other_case()
    for case_id in (uuid.uuid4(), other_case):
        assert_problem(await n.issue(case_id=str(case_id)), 404, "case_not_found")
    assert await _written(n) == before


async def test_problems_speak_the_callers_language(n: NoticeScene) -> None:
    response = await n.client.post(
        "/api/v1/supervision-notices",
        json=n.body(reply_due_on="2026-12-01"),
        headers={**n.world.auth(n.s.office), "Accept-Language": "en"},
    )
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["detail"] == "The reply date must be after today"


async def test_bad_replies_and_ids(n: NoticeScene) -> None:
    notice = await n.issued()
    before = await _written(n)
    tail = f"/{notice['id']}/replies"

    for body in ({"text": ""}, {"text": "情况\x00说明"}, {}, {"text": "x", "extra": 1}):
        assert_problem(await n.post(n.holder, tail, body), 422)
    assert_problem(await n.post(n.holder, f"/{uuid.uuid4()}/replies", {"text": "x"}), 404)
    assert_problem(await n.post(n.holder, "/not-a-uuid/replies", {"text": "x"}), 422)
    assert_problem(await n.get(n.s.office, "/not-a-uuid"), 422)
    assert_problem(await n.post(n.holder, tail, {"text": "x"}, {"If-Match": '"x"'}), 412)
    back = {"reason": "x", "reply_due_on": "2026-12-30"}  # a reason is at least 2 characters
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/return", back), 422)
    assert await _written(n) == before
