"""Concurrent issues and replies: consecutive numbers, one reply per open notice."""

from __future__ import annotations

import asyncio

from tests.notices.support import NoticeScene


async def test_concurrent_issues_get_consecutive_numbers(n: NoticeScene) -> None:
    responses = await asyncio.gather(*(n.issue(reason=f"并发督办 {i}") for i in range(8)))

    assert [r.status_code for r in responses] == [201] * 8, [r.text for r in responses]
    seqs = sorted(int(r.json()["number"].split("〕")[1].rstrip("号")) for r in responses)
    assert seqs == list(range(1, 9))


async def test_two_replies_at_once_make_one(n: NoticeScene) -> None:
    notice = await n.issued()

    responses = await asyncio.gather(n.reply(notice), n.reply(notice, n.member))

    assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
    assert await n.count("supervision_reply") == 1
    [deadline] = await n.deadlines(notice["id"])
    assert deadline["status"] == "met"
