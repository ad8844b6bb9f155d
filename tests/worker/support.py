"""A county bureau with a case registered through the API at a fixed time, its people assigned
through the API, and the worker's tick run on the app's own sessions at a chosen moment."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from anjie.core import clock
from anjie.worker.service import TickResult, tick
from tests.cases.support import case_body, make_campaign
from tests.factories import TestUser, Unit, World

NOTIFICATIONS = "/api/v1/notifications"
RECORDS = "/api/v1/accountability-records"
# Registration day: noon in Shanghai on 2 March 2026.
T0 = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


@pytest.fixture
def frozen() -> Iterator[list[datetime]]:
    """The app's clock, at T0 until the test moves it (`frozen[0] = ...`)."""
    now = [T0]
    clock.set_clock(lambda: now[0])
    try:
        yield now
    finally:
        clock.set_clock(None)


@dataclass
class Scene:
    world: World
    app: Any
    bureau: Unit
    other: Unit
    section: Unit
    office: TestUser
    leader: TestUser
    leader2: TestUser
    officer: TestUser
    officer2: TestUser
    stranger_leader: TestUser  # a leader of the sibling bureau
    campaign_id: uuid.UUID
    case_id: uuid.UUID

    @property
    def conn(self) -> asyncpg.Connection:
        return self.world.conn

    @property
    def client(self) -> httpx.AsyncClient:
        return self.world.client

    async def tick(self, now: list[datetime], at: datetime) -> TickResult:
        now[0] = at
        return await tick(self.app.state.db.sessionmaker, at)

    async def assign(
        self, role: str, *, user: TestUser | None = None, unit: Unit | None = None
    ) -> Any:
        body: dict[str, Any] = {"role_in_case": role, "reason": "按照包案方案指定"}
        if user is not None:
            body["user_id"] = str(user.id)
        if unit is not None:
            body["org_unit_id"] = str(unit.id)
        response = await self.client.post(
            f"/api/v1/cases/{self.case_id}/assignments",
            json=body,
            headers=self.world.auth(self.office),
        )
        assert response.status_code == 201, response.text
        return response.json()

    async def deadline(self, kind: str = "plan_submission") -> asyncpg.Record:
        row = await self.conn.fetchrow(
            "SELECT * FROM deadline WHERE case_id = $1 AND kind = $2", self.case_id, kind
        )
        assert row is not None
        return row

    async def inbox(self, user: TestUser, lang: str = "zh-CN", **params: Any) -> dict[str, Any]:
        response = await self.client.get(
            NOTIFICATIONS,
            params=params,
            headers={**self.world.auth(user), "Accept-Language": lang},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def unread(self, user: TestUser) -> int:
        response = await self.client.get(
            f"{NOTIFICATIONS}/unread-count", headers=self.world.auth(user)
        )
        assert response.status_code == 200, response.text
        return int(response.json()["unread"])

    async def read_all(self, user: TestUser) -> int:
        response = await self.client.post(
            f"{NOTIFICATIONS}/read-all", headers=self.world.auth(user)
        )
        assert response.status_code == 200, response.text
        return int(response.json()["marked"])


async def set_rule(
    conn: asyncpg.Connection,
    campaign_id: uuid.UUID,
    kind: str = "plan_submission",
    *,
    amount: int = 15,
    lead: int = 3,
    escalation: tuple[int, ...] = (1, 3),
    grace: int = 7,
) -> None:
    await conn.execute(
        "INSERT INTO deadline_rule (campaign_id, kind, active, amount, unit, reminder_lead_days, "
        "escalation_days, accountability_grace_days, max_extension_days) "
        "VALUES ($1, $2, true, $3, 'calendar_days', $4, $5, $6, 15)",
        campaign_id,
        kind,
        amount,
        lead,
        list(escalation),
        grace,
    )


async def scene(world: World, app: Any, *, staffed: bool = True) -> Scene:
    """Registered by the office at T0 (the clock must be frozen); leader, department and
    responsible person assigned when `staffed`."""
    county, bureau, other = await world.county()
    section = await world.unit("信访股", bureau, kind="section")
    campaign_id = await make_campaign(world, county)
    await set_rule(world.conn, campaign_id)
    office = await world.user(bureau, "office")
    response = await world.client.post(
        "/api/v1/cases",
        json=case_body(campaign_id, registered_on=date(2026, 3, 2).isoformat()),
        headers=world.auth(office),
    )
    assert response.status_code == 201, response.text
    s = Scene(
        world=world,
        app=app,
        bureau=bureau,
        other=other,
        section=section,
        office=office,
        leader=await world.user(bureau, "leader"),
        leader2=await world.user(bureau, "leader"),
        officer=await world.user(bureau, "officer"),
        officer2=await world.user(bureau, "officer"),
        stranger_leader=await world.user(other, "leader"),
        campaign_id=campaign_id,
        case_id=uuid.UUID(response.json()["id"]),
    )
    if staffed:
        await s.assign("responsible_leader", user=s.leader)
        await s.assign("responsible_department", unit=s.section)
        await s.assign("responsible_person", user=s.officer)
    return s
