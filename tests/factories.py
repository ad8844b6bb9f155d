"""Builders for test data. Setup rows go straight into the database (fast); the behaviour under
test always goes through HTTP into the app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cache

import asyncpg
import httpx

from anjie.config import Settings
from anjie.core.security import hash_password, issue_access_token

PASSWORD = "correct-horse-battery-staple"


@cache
def password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Unit:
    id: uuid.UUID
    path: str
    name: str


@dataclass
class TestUser:
    id: uuid.UUID
    username: str
    unit: Unit
    roles: list[str]
    token_version: int = 1

    @property
    def password(self) -> str:
        return PASSWORD


@dataclass
class World:
    client: httpx.AsyncClient
    conn: asyncpg.Connection
    settings: Settings
    _count: int = field(default=0)

    def _next(self) -> int:
        self._count += 1
        return self._count

    async def unit(self, name: str, parent: Unit | None = None, kind: str = "bureau") -> Unit:
        unit_id = uuid.uuid4()
        path = (parent.path if parent else "/") + f"{unit_id}/"
        await self.conn.execute(
            "INSERT INTO org_unit (id, parent_id, path, name, kind, code) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            unit_id,
            parent.id if parent else None,
            path,
            name,
            kind,
            f"T{self._next()}-{unit_id.hex[:6]}",
        )
        return Unit(unit_id, path, name)

    async def user(
        self, unit: Unit, *roles: str, username: str | None = None, active: bool = True
    ) -> TestUser:
        user_id = uuid.uuid4()
        name = username or f"user{self._next()}"
        await self.conn.execute(
            "INSERT INTO app_user (id, org_unit_id, username, display_name, roles, "
            "password_hash, is_active) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            user_id,
            unit.id,
            name,
            f"测试用户{name}",
            list(roles),
            password_hash(),
            active,
        )
        return TestUser(user_id, name, unit, list(roles))

    def token(self, user: TestUser) -> str:
        return issue_access_token(
            self.settings, subject=str(user.id), token_version=user.token_version
        )[0]

    def auth(self, user: TestUser) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}"}

    async def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        return await self.client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": username, "password": password},
        )

    async def county(self) -> tuple[Unit, Unit, Unit]:
        """A county with two sibling bureaus: (county, bureau A, bureau B)."""
        county = await self.unit("清溪县", kind="county")
        a = await self.unit("甲司法局", county)
        b = await self.unit("乙司法局", county)
        return county, a, b
