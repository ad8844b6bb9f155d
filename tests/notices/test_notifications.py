"""Who is told of a notice: its addressees when it is issued, closed or returned; its issuer when
it is replied to — each once, never the person who acted."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.factories import World
from tests.notices.support import notice_scene


async def inbox(world: World, user: factories.TestUser) -> list[dict[str, Any]]:
    response = await world.client.get("/api/v1/notifications", headers=world.auth(user))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_the_addressee_and_the_issuer_are_told_in_turn(world: World) -> None:
    n = await notice_scene(world)
    notice = await n.issued()

    [told] = await inbox(world, n.holder)
    assert (told["kind"], told["notice_id"], told["case_id"]) == (
        "notice_issued",
        notice["id"],
        str(n.s.case_id),
    )
    assert notice["number"] in told["title"] and "2026-12-16" in told["title"]
    count = await world.client.get(
        "/api/v1/notifications/unread-count", headers=world.auth(n.holder)
    )
    assert count.json() == {"unread": 1}
    assert await inbox(world, n.s.office) == []  # not told of one's own act
    assert await inbox(world, n.member) == []  # not addressed

    assert (await n.reply(notice)).status_code == 201
    [back] = await inbox(world, n.s.office)
    assert (back["kind"], back["notice_id"]) == ("notice_replied", notice["id"])

    returned = await n.post(
        n.s.office,
        f"/{notice['id']}/return",
        {"reason": "反馈不具体", "reply_due_on": "2026-12-23"},
    )
    assert returned.status_code == 200, returned.text
    kinds = [item["kind"] for item in await inbox(world, n.holder)]
    assert kinds == ["notice_returned", "notice_issued"]  # newest first
    assert (await n.reply(notice)).status_code == 201
    assert (await n.post(n.s.office, f"/{notice['id']}/close", {})).status_code == 200
    kinds = [item["kind"] for item in await inbox(world, n.holder)]
    assert kinds == ["notice_closed", "notice_returned", "notice_issued"]
    rows = await world.conn.fetchval("SELECT count(*) FROM notification")
    assert rows == 5  # issued, replied ×2 to the office, returned, closed
