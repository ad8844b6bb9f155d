"""Accountability records (责任倒查): opened by hand or by the worker, decided once by a leader
who is not concerned; hostile input writes nothing; the database refuses to delete one."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import pytest

from tests.factories import World
from tests.worker.support import RECORDS, Scene, frozen, scene

__all__ = ["frozen"]


async def _opened(world: World, app: Any, frozen: list[datetime]) -> tuple[Scene, str]:
    s = await scene(world, app)
    due = (await s.deadline())["due_at"]
    await s.tick(frozen, due + timedelta(days=10))
    record_id = await world.conn.fetchval("SELECT id FROM accountability_record")
    assert record_id is not None
    return s, str(record_id)


async def _counts(conn: asyncpg.Connection) -> tuple[int, int, int]:
    return (
        await conn.fetchval("SELECT count(*) FROM accountability_record"),
        await conn.fetchval("SELECT count(*) FROM accountability_record WHERE status = 'decided'"),
        await conn.fetchval(
            "SELECT count(*) FROM audit_event WHERE action LIKE 'accountability.%'"
        ),
    )


DECISION = {
    "decision": "talk",
    "finding": "方案报送超期十日，责任人未说明理由",
    "note": "约谈责任人",
}


async def test_decide_once_by_a_leader_not_concerned(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s, record_id = await _opened(world, app, frozen)
    url = f"{RECORDS}/{record_id}/decide"

    # The responsible leader held the case when the deadline passed: concerned.
    response = await s.client.post(url, json=DECISION, headers=world.auth(s.leader))
    assert response.status_code == 409
    assert response.json()["code"] == "accountability_decider_concerned"
    # Officers may not decide at all; the office neither.
    for user in (s.officer, s.office):
        assert (
            await s.client.post(url, json=DECISION, headers=world.auth(user))
        ).status_code == 403
    # A leader of another bureau does not see it.
    response = await s.client.post(url, json=DECISION, headers=world.auth(s.stranger_leader))
    assert response.status_code == 404
    assert await _counts(world.conn) == (1, 0, 1)

    response = await s.client.post(url, json=DECISION, headers=world.auth(s.leader2))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "decided" and body["decision"] == "talk"
    assert body["decided_by"] == str(s.leader2.id) and body["decision_note"] == "约谈责任人"
    audit = await world.conn.fetchrow(
        "SELECT * FROM audit_event WHERE action = 'accountability.decide'"
    )
    assert audit["case_id"] == s.case_id and audit["actor_id"] == s.leader2.id

    again = await s.client.post(
        url, json={**DECISION, "decision": "referral"}, headers=world.auth(s.leader2)
    )
    assert again.status_code == 409 and again.json()["code"] == "accountability_decided"
    row = await world.conn.fetchrow("SELECT * FROM accountability_record")
    assert row["decision"] == "talk"

    listed = await s.client.get(
        RECORDS,
        params={"status": "decided", "case_id": str(s.case_id)},
        headers=world.auth(s.office),
    )
    assert [r["id"] for r in listed.json()["items"]] == [record_id]
    assert (
        await s.client.get(RECORDS, params={"status": "open"}, headers=world.auth(s.office))
    ).json()["items"] == []
    assert (await s.client.get(RECORDS, headers=world.auth(s.stranger_leader))).json()[
        "items"
    ] == []
    # The officer who held the case sees the record on it.
    assert (
        await s.client.get(f"{RECORDS}/{record_id}", headers=world.auth(s.officer))
    ).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {**DECISION, "decision": "dismissal"},
        {**DECISION, "finding": "超期\u0000十日"},
        {**DECISION, "note": "a\u0000b"},
        {"decision": "talk"},
        {**DECISION, "extra": 1},
        {**DECISION, "finding": " "},
    ],
)
async def test_hostile_decisions_write_nothing(
    world: World, app: Any, frozen: list[datetime], body: dict[str, Any]
) -> None:
    s, record_id = await _opened(world, app, frozen)
    before = await _counts(world.conn)
    response = await s.client.post(
        f"{RECORDS}/{record_id}/decide", json=body, headers=world.auth(s.leader2)
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await _counts(world.conn) == before


async def test_open_by_hand_names_the_holders_and_refuses_foreign_ids(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    s = await scene(world, app)
    d = await s.deadline()
    other = await scene(world, app)
    foreign = await other.deadline()
    frozen[0] = d["due_at"] + timedelta(days=2)
    auth = world.auth(s.office)

    for body, status in (
        ({"case_id": str(s.case_id), "deadline_ids": [str(foreign["id"])]}, 422),
        ({"case_id": str(s.case_id), "deadline_ids": [str(uuid.uuid4())]}, 422),
        ({"case_id": str(uuid.uuid4()), "deadline_ids": [str(d["id"])]}, 404),
        ({"case_id": str(s.case_id), "deadline_ids": []}, 422),
        ({"case_id": str(s.case_id), "deadline_ids": [str(d["id"])], "finding": "x\u0000"}, 422),
    ):
        response = await s.client.post(RECORDS, json=body, headers=auth)
        assert response.status_code == status, (body, response.text)
    # A leader of another bureau cannot open one on this case: it is not there for them.
    response = await s.client.post(
        RECORDS,
        json={"case_id": str(s.case_id), "deadline_ids": [str(d["id"])]},
        headers=world.auth(s.stranger_leader),
    )
    assert response.status_code == 404
    # Officers may not open one.
    response = await s.client.post(
        RECORDS,
        json={"case_id": str(s.case_id), "deadline_ids": [str(d["id"])]},
        headers=world.auth(s.officer),
    )
    assert response.status_code == 403
    assert await _counts(world.conn) == (0, 0, 0)

    response = await s.client.post(
        RECORDS,
        json={"case_id": str(s.case_id), "deadline_ids": [str(d["id"])], "finding": "报送超期"},
        headers=auth,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["opened_by"] == str(s.office.id) and body["status"] == "open"
    assert {p["role_in_case"] for p in body["persons"]} == {
        "responsible_leader",
        "responsible_department",
        "responsible_person",
    }
    assert response.headers["location"].endswith(body["id"])
    assert await _counts(world.conn) == (1, 0, 1)
    # The unit's leaders are told.
    assert "accountability" in [i["kind"] for i in (await s.inbox(s.leader2))["items"]]


async def test_the_database_refuses_to_delete_a_record(
    world: World, app: Any, frozen: list[datetime]
) -> None:
    await _opened(world, app, frozen)
    with pytest.raises(asyncpg.RaiseError, match="never deleted"):
        await world.conn.execute("DELETE FROM accountability_record")
    assert await world.conn.fetchval("SELECT count(*) FROM accountability_record") == 1
