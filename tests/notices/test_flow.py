"""Reply, close and return: who may take each step, in which state, and what each leaves
behind (the deadline, the audit trail, the fact)."""

from __future__ import annotations

from typing import Any

from anjie.notices.events import (
    NoticeClosed,
    NoticeFact,
    NoticeIssued,
    NoticeReplied,
    NoticeReturned,
)
from tests.notices.support import NoticeScene
from tests.platform.problem_json import assert_problem


async def _actions(n: NoticeScene) -> list[str]:
    rows = await n.conn.fetch(
        "SELECT action FROM audit_event WHERE case_id = $1 AND action LIKE 'notice.%' ORDER BY id",
        n.s.case_id,
    )
    return [r["action"] for r in rows]


async def test_the_addressee_replies_and_the_deadline_is_met(
    n: NoticeScene, facts: list[NoticeFact]
) -> None:
    notice = await n.issued()
    response = await n.reply(notice)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "replied"
    assert body["version"] > notice["version"]
    assert response.headers["ETag"] == f'"{body["version"]}"'
    [reply] = body["replies"]
    assert reply["author"]["id"] == str(n.holder.id)
    assert reply["text"] == "已召开协调会，方案已于本周报送"
    [deadline] = await n.deadlines(notice["id"])
    assert (deadline["status"], deadline["closed_by"]) == ("met", n.holder.id)
    assert await n.count("supervision_reply") == 1
    assert await _actions(n) == ["notice.issue", "notice.reply"]
    assert [type(f) for f in facts] == [NoticeIssued, NoticeReplied]
    replied = facts[1]
    assert isinstance(replied, NoticeReplied)
    assert replied.actor_id == n.holder.id and str(replied.reply_id) == reply["id"]


async def test_a_holder_who_is_not_addressed_may_reply(n: NoticeScene) -> None:
    notice = await n.issued()

    response = await n.reply(notice, n.member)
    assert response.status_code == 201, response.text


async def test_someone_neither_addressed_nor_holding_the_case_may_not_reply(
    n: NoticeScene,
) -> None:
    notice = await n.issued()
    # The office sees the case but is not addressed and holds nothing on it.
    assert_problem(await n.reply(notice, n.s.office), 403, "notice_not_addressed")
    # The unassigned officer does not even see it.
    assert_problem(await n.reply(notice, n.s.stranger), 404, "notice_not_found")
    # A former holder whose assignment ended is no longer one.
    await n.conn.execute(
        "UPDATE case_assignment SET ended_at = now() WHERE user_id = $1", n.member.id
    )
    assert_problem(await n.reply(notice, n.member), 404, "notice_not_found")
    assert await n.count("supervision_reply") == 0
    [deadline] = await n.deadlines(notice["id"])
    assert deadline["status"] == "open"
    assert (await n.get(n.s.office, f"/{notice['id']}")).json()["status"] == "open"


async def test_close_after_a_reply(n: NoticeScene, facts: list[NoticeFact]) -> None:
    notice = await n.issued()
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/close"), 409, "notice_state")
    replied = (await n.reply(notice)).json()

    response = await n.post(
        n.s.leader,
        f"/{notice['id']}/close",
        {"note": "反馈属实，予以办结"},
        headers={"If-Match": f'"{replied["version"]}"'},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "closed"
    assert body["close_note"] == "反馈属实，予以办结"
    assert body["closed_by"] == str(n.s.leader.id)
    assert body["closed_at"] is not None
    assert await _actions(n) == ["notice.issue", "notice.reply", "notice.close"]
    assert isinstance(facts[-1], NoticeClosed)
    # Closed is final: no reply, no second close, no return.
    problem = assert_problem(await n.reply(notice), 409, "notice_state")
    assert problem["notice_status"] == "closed"
    assert "已办结" in problem["detail"]
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/close"), 409, "notice_state")
    back = {"reason": "反馈不充分", "reply_due_on": "2026-12-30"}
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/return", back), 409, "notice_state")
    # Officers cannot close.
    assert (await n.post(n.holder, f"/{notice['id']}/close")).status_code == 403


async def test_return_opens_a_new_reply_deadline(n: NoticeScene, facts: list[NoticeFact]) -> None:
    notice = await n.issued()
    back: dict[str, Any] = {"reason": "反馈内容不具体，请补充", "reply_due_on": "2026-12-30"}
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/return", back), 409, "notice_state")
    assert (await n.reply(notice)).status_code == 201

    response = await n.post(n.s.office, f"/{notice['id']}/return", back)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "returned"
    assert body["reply_due_on"] == "2026-12-30"
    old, new = await n.deadlines(notice["id"])
    assert old["status"] == "met"
    assert new["status"] == "open"
    assert str(new["due_on"]) == "2026-12-30"
    assert new["responsible_user_id"] == n.holder.id
    assert body["deadline_id"] == str(new["id"])
    audit = await n.conn.fetchrow("SELECT * FROM audit_event WHERE action = 'notice.return'")
    assert audit["reason"] == back["reason"]
    returned = facts[-1]
    assert isinstance(returned, NoticeReturned)
    assert str(returned.reply_due_on) == "2026-12-30"

    # A second reply to the returned notice meets the new clock.
    again = await n.reply(notice)
    assert again.status_code == 201, again.text
    assert len(again.json()["replies"]) == 2
    assert [d["status"] for d in await n.deadlines(notice["id"])] == ["met", "met"]
    assert (await n.post(n.s.office, f"/{notice['id']}/close")).status_code == 200


async def test_a_stale_if_match_is_refused(n: NoticeScene) -> None:
    notice = await n.issued()
    await n.reply(notice)

    stale = {"If-Match": f'"{notice["version"]}"'}
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/close", headers=stale), 412)
    back = {"reason": "反馈不充分", "reply_due_on": "2026-12-30"}
    assert_problem(await n.post(n.s.office, f"/{notice['id']}/return", back, stale), 412)
    assert (await n.get(n.s.office, f"/{notice['id']}")).json()["status"] == "replied"
    assert await _actions(n) == ["notice.issue", "notice.reply"]


async def test_a_return_date_not_after_today_is_refused(n: NoticeScene) -> None:
    notice = await n.issued()
    await n.reply(notice)

    back = {"reason": "反馈不充分", "reply_due_on": "2026-12-02"}
    problem = assert_problem(await n.post(n.s.office, f"/{notice['id']}/return", back), 422)
    assert [e["pointer"] for e in problem["errors"]] == ["#/reply_due_on"]
    assert (await n.get(n.s.office, f"/{notice['id']}")).json()["status"] == "replied"
    assert len(await n.deadlines(notice["id"])) == 1
