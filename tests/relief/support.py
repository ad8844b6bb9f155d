"""A case with a petitioner, its people and a wage standard, for the relief tests.

The case and its petitioner links are rows (built elsewhere); petitioners are created over HTTP
so their ID numbers get the app's real blind index. Everything under test goes through HTTP.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

import httpx

from anjie.core.clock import SHANGHAI
from tests.cases.support import id_number
from tests.factories import TestUser, Unit, World
from tests.workflow.support import Scene, insert_case, scene

APPS = "/api/v1/relief-applications"
STANDARDS = "/api/v1/relief-wage-standards"
_numbers = itertools.count(500)


def beijing(day: str, at: time = time(10, 0)) -> datetime:
    """A moment on a Beijing calendar day (the app's clock is set to it)."""
    return datetime.combine(datetime.fromisoformat(day).date(), at, tzinfo=SHANGHAI)


def due(day: str) -> str:
    """A due date as the API renders it: the end of the day in Beijing."""
    return f"{day}T23:59:59+08:00"


@dataclass
class Relief:
    s: Scene
    admin: TestUser
    petitioner_id: uuid.UUID

    @property
    def world(self) -> World:
        return self.s.world

    @property
    def client(self) -> httpx.AsyncClient:
        return self.s.world.client

    async def petitioner(
        self, user: TestUser, case_id: uuid.UUID, *, number: str | None = None
    ) -> uuid.UUID:
        """A new petitioner (created by `user`) linked to the case."""
        body = {"name": "王某某", "id_number": number or id_number(next(_numbers))}
        response = await self.client.post(
            "/api/v1/petitioners", json=body, headers=self.world.auth(user)
        )
        assert response.status_code == 201, response.text
        petitioner_id = uuid.UUID(response.json()["id"])
        await link(self.world, case_id, petitioner_id)
        return petitioner_id

    async def case(self, unit: Unit | None = None) -> uuid.UUID:
        return await insert_case(self.s.conn, self.s.campaign_id, unit or self.s.bureau)

    def body(self, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "case_id": str(self.s.case_id),
            "applicant_petitioner_id": str(self.petitioner_id),
            "kind": "hardship",
            "hardship_facts": "家庭主要劳动力因病丧失劳动能力，无其他收入来源",
            "amount_requested": "20000.00",
            "earlier_compensation": "无",
        }
        body.update(overrides)
        return body

    async def create(self, user: TestUser | None = None, **overrides: Any) -> dict[str, Any]:
        response = await self.post(user or self.s.officer, "", self.body(**overrides))
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()
        return data

    async def post(self, user: TestUser, tail: str, body: Any) -> httpx.Response:
        return await self.client.post(f"{APPS}{tail}", json=body, headers=self.world.auth(user))

    async def get(self, user: TestUser, tail: str = "", **params: Any) -> httpx.Response:
        return await self.client.get(f"{APPS}{tail}", headers=self.world.auth(user), params=params)

    async def step(self, user: TestUser, app_id: str, action: str, **fields: Any) -> httpx.Response:
        body = {"opinion": f"{action}：经审查同意", **fields}
        return await self.post(user, f"/{app_id}/{action}", body)

    async def ok(self, user: TestUser, app_id: str, action: str, **fields: Any) -> dict[str, Any]:
        response = await self.step(user, app_id, action, **fields)
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        return data

    async def to_reviewed(self, app_id: str) -> dict[str, Any]:
        """Submitted by the officer; unit opinion and review by the office."""
        await self.ok(self.s.officer, app_id, "submit")
        await self.ok(self.s.office, app_id, "unit-opinion")
        return await self.ok(self.s.office, app_id, "review")

    async def standard(
        self, year: int, wage: str, multiple: int | None = None, province: str = "51"
    ) -> httpx.Response:
        body: dict[str, Any] = {"average_monthly_wage": wage}
        if multiple is not None:
            body["multiple"] = multiple
        return await self.client.put(
            f"{STANDARDS}/{province}/{year}", json=body, headers=self.world.auth(self.admin)
        )


async def link(world: World, case_id: uuid.UUID, petitioner_id: uuid.UUID) -> None:
    position = await world.conn.fetchval(
        "SELECT coalesce(max(position), 0) + 1 FROM case_petitioner WHERE case_id = $1", case_id
    )
    await world.conn.execute(
        "INSERT INTO case_petitioner (case_id, petitioner_id, position) VALUES ($1, $2, $3)",
        case_id,
        petitioner_id,
        position,
    )


async def relief_scene(world: World, *, wage_2025: str | None = "1000.00") -> Relief:
    """The workflow scene plus: the officer assigned, a petitioner, the 2025 Sichuan standard
    (cap 36 000.00 by default: 1 000.00 × 36)."""
    s = await scene(world)
    response = await s.assign("responsible_person", user=s.officer)
    assert response.status_code == 201, response.text
    admin = await world.user(s.bureau, "admin")
    r = Relief(s=s, admin=admin, petitioner_id=uuid.uuid4())
    r.petitioner_id = await r.petitioner(s.office, s.case_id)
    if wage_2025 is not None:
        assert (await r.standard(2025, wage_2025)).status_code == 200
    return r
