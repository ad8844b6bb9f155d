"""The caller's own inbox: only one's own, newest first, paged, marked read one by one or all,
and delivery through a channel that records what it was given."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from anjie.notifications.models import Notification
from anjie.notifications.service import deliver_pending, notify
from tests.factories import World
from tests.worker.support import NOTIFICATIONS, frozen, scene

__all__ = ["frozen"]


async def _notify_many(app: Any, user_id: Any, n: int) -> None:
    async with app.state.db.sessionmaker() as session, session.begin():
        for i in range(n):
            await notify(session, user_id, "reminder", f"test:{i}", f"提醒{i}", f"Reminder {i}")
        # The same source again notifies nobody.
        assert await notify(session, user_id, "reminder", "test:0", "重复", "Again") is None


async def test_only_ones_own_marked_read_and_read_all(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app, staffed=False)
    await _notify_many(app, s.officer.id, 3)
    await _notify_many(app, s.officer2.id, 1)
    assert (
        await world.conn.fetchval(
            "SELECT count(*) FROM notification WHERE user_id = $1", s.officer.id
        )
        == 3
    )

    page = await s.inbox(s.officer, limit=2)
    assert [i["title"] for i in page["items"]] == ["提醒2", "提醒1"]
    rest = await s.inbox(s.officer, limit=2, cursor=page["next_cursor"])
    assert [i["title"] for i in rest["items"]] == ["提醒0"] and rest["next_cursor"] is None
    assert (await s.inbox(s.officer, lang="en", limit=1))["items"][0]["title"] == "Reminder 2"
    assert await s.unread(s.officer) == 3

    theirs = (await s.inbox(s.officer2))["items"][0]["id"]
    auth = world.auth(s.officer)
    response = await s.client.post(f"{NOTIFICATIONS}/{theirs}/read", headers=auth)
    assert response.status_code == 404
    assert response.json()["code"] == "notification_not_found"
    assert await s.unread(s.officer2) == 1

    mine = page["items"][0]["id"]
    response = await s.client.post(f"{NOTIFICATIONS}/{mine}/read", headers=auth)
    assert response.status_code == 200 and response.json()["read_at"] is not None
    first = response.json()["read_at"]
    frozen[0] += timedelta(minutes=5)
    again = await s.client.post(f"{NOTIFICATIONS}/{mine}/read", headers=auth)
    assert again.json()["read_at"] == first
    assert await s.unread(s.officer) == 2
    assert [i["id"] for i in (await s.inbox(s.officer, unread="false"))["items"]] == [mine]
    assert len((await s.inbox(s.officer, unread="true"))["items"]) == 2

    assert await s.read_all(s.officer) == 2
    assert await s.read_all(s.officer) == 0
    assert await s.unread(s.officer) == 0
    assert await s.unread(s.officer2) == 1
    audits = await world.conn.fetch(
        "SELECT action FROM audit_event WHERE action LIKE 'notification.%' ORDER BY id"
    )
    assert [a["action"] for a in audits] == ["notification.read", "notification.read_all"]

    bad = await s.client.get(NOTIFICATIONS, params={"cursor": "nope"}, headers=auth)
    assert bad.status_code == 422


class Recorder:
    """A real channel that keeps what it delivered, and fails while told to."""

    name = "recorder"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.failing = False

    async def deliver(self, notification: Notification) -> None:
        if self.failing:
            raise ConnectionError("gateway down")
        self.sent.append((str(notification.id), notification.kind))


async def test_channels_deliver_once_and_retry_after_failure(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app, staffed=False)
    await _notify_many(app, s.officer.id, 2)
    channel = Recorder()
    factory = app.state.db.sessionmaker

    channel.failing = True
    async with factory() as session, session.begin():
        assert await deliver_pending(session, [channel]) == 0
    assert (
        await world.conn.fetchval("SELECT count(*) FROM notification WHERE delivered_at IS NULL")
        == 2
    )

    channel.failing = False
    async with factory() as session, session.begin():
        assert await deliver_pending(session, [channel]) == 2
    async with factory() as session, session.begin():
        assert await deliver_pending(session, [channel]) == 0
    assert sorted(kind for _, kind in channel.sent) == ["reminder", "reminder"]
    assert (
        await world.conn.fetchval("SELECT count(*) FROM notification WHERE delivered_at IS NULL")
        == 0
    )


async def test_assignment_and_plan_facts_notify_the_people_concerned(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app)
    [item] = (await s.inbox(s.officer))["items"]
    assert item["kind"] == "assignment" and "责任人" in item["title"]
    assert await s.unread(s.office) == 0  # the assigner is not told of their own act

    from tests.worker.test_tick import _submit_plan

    await _submit_plan(s)
    kinds = [i["kind"] for i in (await s.inbox(s.leader))["items"]]
    assert kinds == ["plan_submitted", "assignment"]
    response = await s.client.post(
        f"/api/v1/cases/{s.case_id}/plan/return",
        json={"comment": "措施不具体，请补充"},
        headers=world.auth(s.leader),
    )
    assert response.status_code == 200, response.text
    kinds = [i["kind"] for i in (await s.inbox(s.officer))["items"]]
    assert kinds == ["plan_returned", "assignment"]


async def test_log_channel_is_configured_by_settings_and_logs_no_title(
    world: World, app: Any, frozen: list[datetime], caplog: Any
) -> None:
    import logging

    from anjie.config import Settings
    from anjie.notifications.channels import LogChannel, configured

    assert configured(Settings()) == []
    [channel] = configured(Settings(notification_channels=["log"]))
    assert isinstance(channel, LogChannel)
    s = await scene(world, app, staffed=False)
    await _notify_many(app, s.officer.id, 1)
    with caplog.at_level(logging.INFO, logger="anjie.notifications"):
        async with app.state.db.sessionmaker() as session, session.begin():
            assert await deliver_pending(session, [channel]) == 1
    [line] = [r for r in caplog.records if r.getMessage() == "notification delivered"]
    assert line.kind == "reminder" and line.user_id == str(s.officer.id)  # type: ignore[attr-defined]
    assert "提醒" not in str(line.__dict__)
