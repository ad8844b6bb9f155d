"""Issuing a notice: its number per unit and year, its reply deadline, its audit and its fact."""

from __future__ import annotations

import uuid
from datetime import date

from anjie.core import clock
from anjie.core.clock import noon_in_shanghai
from anjie.notices.events import NoticeFact, NoticeIssued
from tests.cases.support import assign
from tests.notices.support import DUE, TODAY, URL, NoticeScene
from tests.platform.problem_json import assert_problem


async def test_issue_returns_the_notice_and_opens_its_reply_deadline(
    n: NoticeScene, facts: list[NoticeFact]
) -> None:
    response = await n.issue()

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["ETag"] == f'"{body["version"]}"'
    assert response.headers["Location"] == f"{URL}/{body['id']}"
    assert body["number"] == "甲司法局督〔2026〕1号"
    assert body["status"] == "open"
    assert body["case_id"] == str(n.s.case_id)
    assert body["case_number"].startswith("清司积〔2010〕")
    assert body["org_unit_id"] == str(n.s.bureau.id)
    assert body["issuing_unit_id"] == str(n.s.office.unit.id)
    assert body["issued_by"] == {
        "id": str(n.s.office.id),
        "display_name": f"测试用户{n.s.office.username}",
    }
    assert body["to_users"] == [
        {"id": str(n.holder.id), "display_name": f"测试用户{n.holder.username}"}
    ]
    assert body["to_unit"] == {"id": str(n.s.section.id), "name": "信访股"}
    assert body["reply_due_on"] == DUE.isoformat()
    assert body["replies"] == []

    row = await n.conn.fetchrow("SELECT * FROM supervision_notice")
    assert row["number_year"] == 2026 and row["number_seq"] == 1
    assert row["to_user_ids"] == [n.holder.id]
    [deadline] = await n.deadlines(body["id"])
    assert body["deadline_id"] == str(deadline["id"])
    assert deadline["kind"] == "notice_reply"
    assert deadline["status"] == "open"
    assert deadline["case_id"] == n.s.case_id
    assert deadline["campaign_id"] == n.s.campaign_id
    assert deadline["org_unit_id"] == n.s.bureau.id
    assert deadline["responsible_user_id"] == n.holder.id
    assert deadline["responsible_unit_id"] == n.s.section.id
    assert deadline["starts_on"] == TODAY
    assert deadline["due_on"] == DUE

    audit = await n.conn.fetchrow("SELECT * FROM audit_event WHERE action = 'notice.issue'")
    assert audit["case_id"] == n.s.case_id
    assert audit["entity_id"] == body["id"]
    assert [type(f) for f in facts] == [NoticeIssued]
    fact = facts[0]
    assert fact.name == "notice.issued"
    assert (fact.notice_id, fact.case_id, fact.org_unit_id) == (
        uuid.UUID(body["id"]),
        n.s.case_id,
        n.s.bureau.id,
    )
    assert (fact.actor_id, fact.issued_by, fact.number) == (
        n.s.office.id,
        n.s.office.id,
        body["number"],
    )
    assert fact.to_user_ids == (n.holder.id,)


async def test_a_reply_date_on_a_rest_day_ends_on_the_next_working_day(n: NoticeScene) -> None:
    body = await n.issued(reply_due_on="2026-12-19")  # a Saturday

    [deadline] = await n.deadlines(body["id"])
    assert deadline["base_due_on"] == date(2026, 12, 21)
    assert body["reply_due_on"] == "2026-12-19"


async def test_numbers_run_per_issuing_unit_and_year(n: NoticeScene) -> None:
    first = await n.issued()
    second = await n.issued(to_user_ids=[str(n.member.id), str(n.holder.id)])
    # The sibling bureau's office numbers its own notices from 1.
    other_case = await n.other_case()
    other_holder = await n.world.user(n.s.sibling, "officer")
    await assign(n.conn, other_case, user=other_holder)
    theirs = await n.issued(
        n.outsider, case_id=str(other_case), to_user_ids=[str(other_holder.id)], to_unit_id=None
    )
    # A leader of the same bureau issues in the bureau's sequence.
    by_leader = await n.issued(n.s.leader)
    clock.set_clock(lambda: noon_in_shanghai(date(2027, 1, 6)))
    next_year = await n.issued(reply_due_on="2027-01-20")

    assert [first["number"], second["number"], by_leader["number"]] == [
        "甲司法局督〔2026〕1号",
        "甲司法局督〔2026〕2号",
        "甲司法局督〔2026〕3号",
    ]
    assert theirs["number"] == "乙司法局督〔2026〕1号"
    assert next_year["number"] == "甲司法局督〔2027〕1号"
    assert [u["id"] for u in second["to_users"]] == [str(n.member.id), str(n.holder.id)]
    counters = await n.conn.fetch(
        "SELECT issuing_unit_id, year, last_seq FROM supervision_notice_counter"
    )
    assert {(r["issuing_unit_id"], r["year"], r["last_seq"]) for r in counters} == {
        (n.s.bureau.id, 2026, 3),
        (n.s.sibling.id, 2026, 1),
        (n.s.bureau.id, 2027, 1),
    }


async def test_a_short_name_is_the_number_prefix(n: NoticeScene) -> None:
    await n.conn.execute("UPDATE org_unit SET short_name = '清司' WHERE id = $1", n.s.bureau.id)

    assert (await n.issued())["number"] == "清司督〔2026〕1号"


async def test_the_same_idempotency_key_issues_one_notice(
    n: NoticeScene, facts: list[NoticeFact]
) -> None:
    headers = {"Idempotency-Key": "notice-retry-0001"}
    first = await n.issue(headers=headers)
    again = await n.issue(headers=headers)

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"]
    assert await n.count("supervision_notice") == 1
    assert await n.count("deadline WHERE subject_type = 'supervision_notice'") == 1
    assert len(facts) == 1
    # The same key with another body is refused, not replayed.
    assert_problem(await n.issue(headers=headers, reason="另一事由"), 422, "idempotency_key_reused")
    assert await n.count("supervision_notice") == 1


async def test_officers_and_observers_may_not_issue(n: NoticeScene) -> None:
    observer = await n.world.user(n.s.bureau, "observer")
    for user in (n.holder, observer):
        response = await n.issue(user)
        assert response.status_code == 403, response.text
    assert await n.count("supervision_notice") == 0
