"""A bureau with a case held by an officer, the office that supervises it, and the notices API.

Setup rows go straight into the database (tests.workflow.support, tests.cases.support); every
notice operation under test goes through HTTP.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg
import httpx

from anjie.core.clock import noon_in_shanghai
from tests.cases.support import assign
from tests.factories import TestUser, World
from tests.workflow.support import Scene, insert_case, scene

URL = "/api/v1/supervision-notices"
TODAY = date(2026, 12, 2)  # a Wednesday
NOW = noon_in_shanghai(TODAY)
DUE = date(2026, 12, 16)  # a Wednesday, a working day


@dataclass
class NoticeScene:
    s: Scene
    holder: TestUser  # the officer holding the case (responsible person)
    member: TestUser  # an officer on the case's team
    outsider: TestUser  # the office of the sibling bureau

    @property
    def world(self) -> World:
        return self.s.world

    @property
    def conn(self) -> asyncpg.Connection:
        return self.s.conn

    @property
    def client(self) -> httpx.AsyncClient:
        return self.s.client

    def body(self, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "case_id": str(self.s.case_id),
            "to_user_ids": [str(self.holder.id)],
            "to_unit_id": str(self.s.section.id),
            "reason": "该案化解方案逾期未报送",
            "requirements": "请于期限内书面报告办理情况",
            "reply_due_on": DUE.isoformat(),
        }
        body.update(overrides)
        return body

    async def issue(
        self, user: TestUser | None = None, headers: dict[str, str] | None = None, **overrides: Any
    ) -> httpx.Response:
        return await self.client.post(
            URL,
            json=self.body(**overrides),
            headers={**self.world.auth(user or self.s.office), **(headers or {})},
        )

    async def issued(self, user: TestUser | None = None, **overrides: Any) -> dict[str, Any]:
        response = await self.issue(user, **overrides)
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    async def get(self, user: TestUser, tail: str = "", **params: Any) -> httpx.Response:
        return await self.client.get(URL + tail, headers=self.world.auth(user), params=params)

    async def post(
        self,
        user: TestUser,
        tail: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        return await self.client.post(
            URL + tail,
            json=body if body is not None else {},
            headers={**self.world.auth(user), **(headers or {})},
        )

    async def reply(self, notice: dict[str, Any], user: TestUser | None = None) -> httpx.Response:
        body = {"text": "已召开协调会，方案已于本周报送"}
        return await self.post(user or self.holder, f"/{notice['id']}/replies", body)

    async def other_case(self) -> uuid.UUID:
        """A case of the sibling bureau, in the same campaign."""
        return await insert_case(self.conn, self.s.campaign_id, self.s.sibling)

    async def count(self, table: str) -> int:
        return int(await self.conn.fetchval(f"SELECT count(*) FROM {table}"))

    async def deadlines(self, notice_id: str) -> list[asyncpg.Record]:
        return await self.conn.fetch(
            "SELECT * FROM deadline WHERE subject_type = 'supervision_notice' "
            "AND subject_id = $1 ORDER BY created_at, id",
            uuid.UUID(notice_id),
        )


async def notice_scene(world: World) -> NoticeScene:
    s = await scene(world)
    holder, member = s.officer, await world.user(s.bureau, "officer")
    await assign(world.conn, s.case_id, user=holder)
    await assign(world.conn, s.case_id, user=member, role="team_member")
    return NoticeScene(
        s=s, holder=holder, member=member, outsider=await world.user(s.sibling, "office")
    )
