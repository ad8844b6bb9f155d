"""A bureau with a case, its investigators and some officials free to chair, for the hearing tests.

Setup rows go straight into the database (tests.workflow.support); every hearing operation under
test goes through HTTP.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx

from anjie.core import clock
from anjie.core.clock import SHANGHAI
from tests.factories import TestUser
from tests.workflow.support import Scene, insert_case, scene

HEARINGS = "/api/v1/hearings"


def beijing(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=SHANGHAI)


def in_days(days: int, hour: int = 9, minute: int = 0) -> datetime:
    """A time on the Beijing date `days` from today."""
    return beijing(clock.today() + timedelta(days=days), hour, minute)


def start_of_today() -> datetime:
    """Early today in Beijing: already past, and on today's date."""
    return beijing(clock.today(), 0, 1)


def iso(moment: datetime) -> str:
    return moment.isoformat()


@dataclass
class HearingScene:
    s: Scene
    chair: TestUser  # a leader with no part in investigating the case
    official: TestUser  # an officer free to sit in
    petitioner_id: uuid.UUID

    @property
    def client(self) -> httpx.AsyncClient:
        return self.s.client

    def body(self, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "case_id": str(self.s.case_id),
            "kind": "mediation",
            "starts_at": iso(in_days(10)),
            "duration_minutes": 120,
            "place": "第一调解室",
            "chair_user_id": str(self.chair.id),
            "participants": [
                {"kind": "petitioner", "petitioner_id": str(self.petitioner_id)},
                {"kind": "lawyer", "name": "赵律师", "organisation": "清溪律师事务所"},
            ],
        }
        body.update(overrides)
        return body

    async def create(self, user: TestUser | None = None, **overrides: Any) -> httpx.Response:
        return await self.client.post(
            HEARINGS, json=self.body(**overrides), headers=self.s.world.auth(user or self.s.office)
        )

    async def created(self, user: TestUser | None = None, **overrides: Any) -> dict[str, Any]:
        response = await self.create(user, **overrides)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    async def get(self, user: TestUser, path: str = "", **params: Any) -> httpx.Response:
        return await self.client.get(
            HEARINGS + path, headers=self.s.world.auth(user), params=params
        )

    async def post(
        self, user: TestUser, path: str, body: Any, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return await self.client.post(
            HEARINGS + path, json=body, headers={**self.s.world.auth(user), **(headers or {})}
        )

    async def patch(
        self, user: TestUser, hearing_id: str, body: Any, if_match: str | None
    ) -> httpx.Response:
        headers = self.s.world.auth(user)
        if if_match is not None:
            headers["If-Match"] = if_match
        return await self.client.patch(f"{HEARINGS}/{hearing_id}", json=body, headers=headers)

    async def audits(self, action: str) -> list[Any]:
        return list(
            await self.s.conn.fetch(
                "SELECT * FROM audit_event WHERE action = $1 ORDER BY id", action
            )
        )

    async def other_case(self) -> uuid.UUID:
        return await insert_case(self.s.conn, self.s.campaign_id, self.s.bureau)


async def insert_petitioner(s: Scene, case_id: uuid.UUID, name: str = "张某某") -> uuid.UUID:
    petitioner_id = uuid.uuid4()
    await s.conn.execute(
        "INSERT INTO petitioner (id, org_unit_id, name, pii_kid, id_number_masked, phone_masked) "
        "VALUES ($1, $2, $3, 'dev-1', '510***********1234', '138****5678')",
        petitioner_id,
        s.bureau.id,
        name,
    )
    await s.conn.execute(
        "INSERT INTO case_petitioner (case_id, petitioner_id, position) VALUES ($1, $2, 0)",
        case_id,
        petitioner_id,
    )
    return petitioner_id


async def hearing_scene(world: Any) -> HearingScene:
    s = await scene(world)
    # The officer investigates the case (responsible person); the stranger stays unassigned.
    response = await s.assign("responsible_person", user=s.officer)
    assert response.status_code == 201, response.text
    return HearingScene(
        s=s,
        chair=s.leader2,
        official=await world.user(s.bureau, "officer"),
        petitioner_id=await insert_petitioner(s, s.case_id),
    )


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
