"""The deadline worker's tick on a case registered through the API: reminder, overdue,
escalation, accountability — each once, also with two workers on the same moment."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from typing import Any

from anjie.worker.service import tick
from tests.factories import World
from tests.worker.support import RECORDS, Scene, frozen, scene

__all__ = ["frozen"]
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


async def _steps(s: Scene, deadline_id: Any) -> list[str]:
    rows = await s.conn.fetch(
        "SELECT step FROM deadline_step WHERE deadline_id = $1 ORDER BY step", deadline_id
    )
    return [r["step"] for r in rows]


async def test_overdue_escalation_and_accountability(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app)
    d = await s.deadline()
    assert d["status"] == "open" and d["responsible_user_id"] == s.officer.id
    # Told of their assignments.
    assert await s.read_all(s.officer) == 1
    assert await s.read_all(s.leader) == 1
    due = d["due_at"]

    result = await s.tick(frozen, due + HOUR)
    assert result.steps == {"overdue": 1}
    row = await s.deadline()
    assert row["status"] == "overdue" and row["escalation_level"] == 0
    assert await s.unread(s.officer) == 1
    inbox = await s.inbox(s.officer, unread="true")
    [item] = inbox["items"]
    assert item["kind"] == "overdue" and item["deadline_id"] == str(d["id"])
    assert item["case_id"] == str(s.case_id) and "已超期" in item["title"]
    english = await s.inbox(s.officer, lang="en", unread="true")
    assert "overdue" in english["items"][0]["title"]
    audit = await s.conn.fetchrow(
        "SELECT * FROM audit_event WHERE action = 'deadline.overdue' AND entity_id = $1",
        str(d["id"]),
    )
    assert audit["actor_type"] == "system" and audit["case_id"] == s.case_id
    assert await s.unread(s.leader) == 0

    # The same moment again: nothing more.
    assert (await s.tick(frozen, due + 2 * HOUR)).steps == {}

    # Past escalation_days[0] (1 day): the responsible leader.
    result = await s.tick(frozen, due + DAY + HOUR)
    assert result.steps == {"escalation": 1}
    assert (await s.deadline())["escalation_level"] == 1
    [item] = (await s.inbox(s.leader, unread="true"))["items"]
    assert item["kind"] == "escalation"
    assert await s.unread(s.office) == 0

    # After the due date the responsible person changes hands.
    frozen[0] = due + 2 * DAY
    ended = await s.client.get(
        f"/api/v1/cases/{s.case_id}/assignments", headers=world.auth(s.office)
    )
    [held] = [a for a in ended.json()["items"] if a["role_in_case"] == "responsible_person"]
    response = await s.client.post(
        f"/api/v1/cases/{s.case_id}/assignments/{held['id']}/end",
        json={"reason": "工作调动"},
        headers=world.auth(s.office),
    )
    assert response.status_code == 200, response.text
    await s.assign("responsible_person", user=s.officer2)

    # Past the grace (7 days): escalation level 2 (the office) and the review.
    result = await s.tick(frozen, due + 8 * DAY)
    assert result.steps == {"escalation": 1, "accountability": 1}
    assert await _steps(s, d["id"]) == [
        "accountability",
        "escalation_1",
        "escalation_2",
        "overdue",
    ]
    assert [i["kind"] for i in (await s.inbox(s.office, unread="true"))["items"]] == ["escalation"]
    record = await s.conn.fetchrow("SELECT * FROM accountability_record")
    assert record["source_key"] == f"deadline:{d['id']}" and record["opened_by"] is None
    assert record["deadline_ids"] == [d["id"]]
    persons = json.loads(record["persons"])
    held_by = {(p["role_in_case"], p["user_id"] or p["org_unit_id"]) for p in persons}
    assert held_by == {
        ("responsible_leader", str(s.leader.id)),
        ("responsible_department", str(s.section.id)),
        ("responsible_person", str(s.officer.id)),
    }
    assert str(s.officer2.id) not in {p["user_id"] for p in persons}
    names = {p["user_id"]: p["name"] for p in persons}
    assert names[str(s.officer.id)] == f"测试用户{s.officer.username}"
    # The unit's leaders are told; the review is on the case's timeline.
    for leader in (s.leader, s.leader2):
        kinds = [i["kind"] for i in (await s.inbox(leader, unread="true"))["items"]]
        assert "accountability" in kinds
    opened = await s.conn.fetchrow("SELECT * FROM audit_event WHERE action = 'accountability.open'")
    assert opened["case_id"] == s.case_id and opened["actor_type"] == "system"
    response = await s.client.get(f"{RECORDS}/{record['id']}", headers=world.auth(s.leader2))
    assert response.status_code == 200
    assert response.json()["status"] == "open"

    # Nothing is ever done twice.
    assert (await s.tick(frozen, due + 30 * DAY)).steps == {}
    assert await s.conn.fetchval("SELECT count(*) FROM accountability_record") == 1


async def test_two_workers_at_once_do_everything_once(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    scenes = [await scene(world, app)]
    d = await scenes[0].deadline()
    at = d["due_at"] + 10 * DAY
    frozen[0] = at
    factory = app.state.db.sessionmaker
    first, second = await asyncio.gather(tick(factory, at), tick(factory, at))
    merged: dict[str, int] = {}
    for result in (first, second):
        for step, n in result.steps.items():
            merged[step] = merged.get(step, 0) + n
    assert merged == {"overdue": 1, "escalation": 2, "accountability": 1}
    conn = world.conn
    steps = await conn.fetch("SELECT step, count(*) AS n FROM deadline_step GROUP BY step")
    assert {r["step"]: r["n"] for r in steps} == {
        "overdue": 1,
        "escalation_1": 1,
        "escalation_2": 1,
        "accountability": 1,
    }
    assert await conn.fetchval("SELECT count(*) FROM accountability_record") == 1
    kinds = await conn.fetch(
        "SELECT kind, count(*) AS n FROM notification WHERE deadline_id IS NOT NULL "
        "OR kind = 'accountability' GROUP BY kind"
    )
    s = scenes[0]
    # overdue → the officer; level 1 → the responsible leader; level 2 → the office;
    # the review → both leaders of the unit.
    assert {r["kind"]: r["n"] for r in kinds} == {
        "overdue": 1,
        "escalation": 2,
        "accountability": 2,
    }
    dupes = await conn.fetchval(
        "SELECT count(*) FROM (SELECT user_id, source_key FROM notification "
        "GROUP BY 1, 2 HAVING count(*) > 1) x"
    )
    assert dupes == 0
    audits = await conn.fetch(
        "SELECT action, count(*) AS n FROM audit_event WHERE actor_type = 'system' GROUP BY action"
    )
    assert {r["action"]: r["n"] for r in audits} == {
        "deadline.overdue": 1,
        "deadline.escalation": 2,
        "deadline.accountability": 1,
        "accountability.open": 1,
    }
    assert (await s.deadline())["status"] == "overdue"


async def test_reminder_before_due_and_never_for_paused_or_met(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app)
    d = await s.deadline()
    due = d["due_at"]
    await s.read_all(s.officer)

    # Lead is 3 days: four days before, nothing; two days before, the reminder, once.
    assert (await s.tick(frozen, due - 4 * DAY)).steps == {}
    assert (await s.tick(frozen, due - 2 * DAY)).steps == {"reminder": 1}
    assert (await s.tick(frozen, due - DAY)).steps == {}
    [item] = (await s.inbox(s.officer, unread="true"))["items"]
    assert item["kind"] == "reminder" and "到期" in item["title"]
    assert (await s.deadline())["status"] == "open"

    # Paused: never overdue while it stands still.
    response = await s.client.post(
        f"/api/v1/deadlines/{d['id']}/pause",
        json={"reason": "复查听证期间暂停计时"},
        headers=world.auth(s.office),
    )
    assert response.status_code == 200, response.text
    assert (await s.tick(frozen, due + 20 * DAY)).steps == {}
    assert (await s.deadline())["status"] == "open"

    # Met: the plan submitted in time closes it; a tick long after leaves it met.
    other = await scene(world, app)
    frozen[0] = (await other.deadline())["due_at"] - DAY
    await _submit_plan(other)
    row = await other.deadline()
    assert row["status"] == "met"
    assert (await other.tick(frozen, row["due_at"] + 20 * DAY)).steps == {}
    assert (await other.deadline())["status"] == "met"
    assert await _steps(other, row["id"]) == []


async def _submit_plan(s: Scene) -> None:
    from tests.workflow.support import FULL_PLAN

    auth = s.world.auth(s.officer)
    url = f"/api/v1/cases/{s.case_id}/plan"
    assert (await s.client.put(url, json=FULL_PLAN, headers=auth)).status_code == 200
    response = await s.client.post(f"{url}/submit", json={}, headers=auth)
    assert response.status_code == 200, response.text
