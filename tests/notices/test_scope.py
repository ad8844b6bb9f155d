"""Who sees which notices: those of the cases they see (officers: the cases they hold); any
other notice does not exist for them."""

from __future__ import annotations

from typing import Any

from tests.cases.support import assign
from tests.factories import TestUser as Account
from tests.notices.support import NoticeScene
from tests.platform.problem_json import assert_problem


async def _ids(n: NoticeScene, user: Account, **params: Any) -> list[str]:
    response = await n.get(user, **params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_officers_see_the_notices_of_their_cases_only(n: NoticeScene) -> None:
    mine = await n.issued()
    # A second case of the bureau, held by the stranger alone.
    other_case = await n.other_case()
    await n.conn.execute(
        "UPDATE petition_case SET org_unit_id = $1 WHERE id = $2", n.s.bureau.id, other_case
    )
    await assign(n.conn, other_case, user=n.s.stranger)
    theirs = await n.issued(case_id=str(other_case), to_user_ids=[str(n.s.stranger.id)])

    assert await _ids(n, n.holder) == [mine["id"]]
    assert await _ids(n, n.s.stranger) == [theirs["id"]]
    assert await _ids(n, n.s.office) == [theirs["id"], mine["id"]]  # newest first
    assert (await n.get(n.holder, f"/{mine['id']}")).status_code == 200
    assert_problem(await n.get(n.holder, f"/{theirs['id']}"), 404, "notice_not_found")
    assert_problem(await n.get(n.s.stranger, f"/{mine['id']}"), 404, "notice_not_found")


async def test_another_units_notice_is_not_found(n: NoticeScene) -> None:
    notice = await n.issued()

    assert_problem(await n.get(n.outsider, f"/{notice['id']}"), 404, "notice_not_found")
    assert await _ids(n, n.outsider) == []
    # Nor can they act on it.
    for tail, body in (
        ("/close", {}),
        ("/return", {"reason": "反馈不充分", "reply_due_on": "2026-12-30"}),
    ):
        assert_problem(await n.post(n.outsider, f"/{notice['id']}{tail}", body), 404)
    # The county's observer sees the bureau's notices.
    observer = await n.world.user(n.s.county, "observer")
    assert await _ids(n, observer) == [notice["id"]]
    response = await n.get(observer, f"/{notice['id']}")
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{notice["version"]}"'


async def test_filters_and_pages(n: NoticeScene) -> None:
    to_holder = await n.issued()
    to_member = await n.issued(to_user_ids=[str(n.member.id)])
    to_both = await n.issued(to_user_ids=[str(n.member.id), str(n.holder.id)])
    assert (await n.reply(to_holder)).status_code == 201

    assert await _ids(n, n.holder, to_me="true") == [to_both["id"], to_holder["id"]]
    assert await _ids(n, n.member, to_me="true") == [to_both["id"], to_member["id"]]
    # Without to_me the holder sees every notice of the case.
    assert await _ids(n, n.holder) == [to_both["id"], to_member["id"], to_holder["id"]]
    assert await _ids(n, n.s.office, status="replied") == [to_holder["id"]]
    assert await _ids(n, n.s.office, status=["open", "replied"]) == [
        to_both["id"],
        to_member["id"],
        to_holder["id"],
    ]
    assert await _ids(n, n.s.office, case_id=str(await n.other_case())) == []

    first = await n.get(n.s.office, limit=2)
    page = first.json()
    assert [i["id"] for i in page["items"]] == [to_both["id"], to_member["id"]]
    rest = (await n.get(n.s.office, limit=2, cursor=page["next_cursor"])).json()
    assert [i["id"] for i in rest["items"]] == [to_holder["id"]]
    assert rest["next_cursor"] is None
    assert rest["items"][0]["replies"][0]["author"]["id"] == str(n.holder.id)
    assert_problem(await n.get(n.s.office, cursor="bm90LWEtY3Vyc29y"), 422)
    assert_problem(await n.get(n.s.office, status="nonsense"), 422)
