"""A bureau with its people, a campaign and a case, for the workflow tests.

Cases and campaigns are inserted as rows (the case CRUD is built elsewhere); everything under
test — assignments, plans, transitions, the timeline — goes through HTTP.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import asyncpg
import httpx

from tests.factories import TestUser, Unit, World

# The demo campaign's four phases.
PHASES = [
    ("mobilisation", date(2010, 5, 15), date(2010, 5, 30)),
    ("census", date(2010, 6, 1), date(2010, 6, 25)),
    ("concentrated_resolution", date(2010, 7, 1), date(2010, 12, 31)),
    ("summary_acceptance", date(2011, 9, 1), date(2011, 12, 31)),
]
SUMMARY_DAY = datetime(2011, 10, 10, 2, 0, tzinfo=UTC)

FULL_PLAN: dict[str, Any] = {
    "personnel": "包案领导李建国，责任人王芳，司法所两名干部",
    "measures": ["peoples_mediation", "public_hearing"],
    "measures_detail": "先调解，不成则组织公开听证",
    "time_limit": "2030-12-31",
    "requirements": "每月回访一次，按期报告进展",
    "expected_effect": "信访人签订息诉罢访承诺书",
}
_seq = itertools.count(1)


@dataclass
class Scene:
    world: World
    county: Unit
    bureau: Unit
    sibling: Unit
    section: Unit
    office: TestUser
    leader: TestUser
    leader2: TestUser
    officer: TestUser
    stranger: TestUser  # an officer of the same bureau who is not assigned to the case
    campaign_id: uuid.UUID
    case_id: uuid.UUID

    @property
    def conn(self) -> asyncpg.Connection:
        return self.world.conn

    @property
    def client(self) -> httpx.AsyncClient:
        return self.world.client

    def url(self, tail: str = "", case_id: uuid.UUID | None = None) -> str:
        return f"/api/v1/cases/{case_id or self.case_id}{tail}"

    async def get(
        self, user: TestUser, tail: str, *, lang: str = "zh-CN", **params: Any
    ) -> httpx.Response:
        headers = {**self.world.auth(user), "Accept-Language": lang}
        return await self.client.get(self.url(tail), headers=headers, params=params)

    async def post(self, user: TestUser, tail: str, body: Any = None) -> httpx.Response:
        return await self.client.post(
            self.url(tail), json=body if body is not None else {}, headers=self.world.auth(user)
        )

    async def put(self, user: TestUser, tail: str, body: Any) -> httpx.Response:
        return await self.client.put(self.url(tail), json=body, headers=self.world.auth(user))

    async def act(self, user: TestUser, action: str, **fields: Any) -> httpx.Response:
        body = {"action": action, "reason": f"{action}：依据工作方案", **fields}
        return await self.post(user, "/transitions", body)

    async def assign(
        self,
        role: str,
        *,
        user: TestUser | None = None,
        unit: Unit | None = None,
        by: TestUser | None = None,
        reason: str = "按照包案方案指定",
    ) -> httpx.Response:
        body: dict[str, Any] = {"role_in_case": role, "reason": reason}
        if user is not None:
            body["user_id"] = str(user.id)
        if unit is not None:
            body["org_unit_id"] = str(unit.id)
        return await self.post(by or self.office, "/assignments", body)

    async def staff(self) -> None:
        """Leader, department and responsible person: what `analyse` needs."""
        for response in (
            await self.assign("responsible_leader", user=self.leader),
            await self.assign("responsible_department", unit=self.section),
            await self.assign("responsible_person", user=self.officer),
        ):
            assert response.status_code == 201, response.text

    async def approved_plan(self) -> None:
        """The responsible person drafts and submits the plan; the leader approves it."""
        assert (await self.put(self.officer, "/plan", FULL_PLAN)).status_code == 200
        assert (await self.post(self.officer, "/plan/submit")).status_code == 200
        response = await self.post(self.leader, "/plan/approve", {"comment": "同意"})
        assert response.status_code == 200, response.text

    async def case_row(self) -> asyncpg.Record:
        row = await self.conn.fetchrow("SELECT * FROM petition_case WHERE id = $1", self.case_id)
        assert row is not None
        return row


async def insert_campaign(conn: asyncpg.Connection, unit: Unit) -> uuid.UUID:
    campaign_id = uuid.uuid4()
    await conn.execute(
        "INSERT INTO campaign (id, org_unit_id, name, cutoff_date, resolution_target) "
        "VALUES ($1, $2, '集中清理涉法涉诉信访积案专项活动', '2009-12-31', '2010-12-31')",
        campaign_id,
        unit.id,
    )
    for phase, starts, ends in PHASES:
        await conn.execute(
            "INSERT INTO campaign_phase (campaign_id, phase, starts_on, ends_on) "
            "VALUES ($1, $2, $3, $4)",
            campaign_id,
            phase,
            starts,
            ends,
        )
    return campaign_id


async def insert_case(
    conn: asyncpg.Connection,
    campaign_id: uuid.UUID,
    unit: Unit,
    *,
    status: str = "registered",
    cause: str | None = "对公证书效力有异议",
    crux: str | None = "认为公证处未尽审查义务",
    **columns: Any,
) -> uuid.UUID:
    case_id = uuid.uuid4()
    seq = next(_seq)
    values: dict[str, Any] = {
        "id": case_id,
        "campaign_id": campaign_id,
        "org_unit_id": unit.id,
        "number": f"清司积〔2010〕{seq}号-{case_id.hex[:6]}",
        "number_year": 2010,
        "number_seq": seq,
        "title": f"张某不服公证案{seq}",
        "registered_on": date(2010, 6, 10),
        "petition_form": "visit",
        "first_petition_on": date(2008, 3, 1),
        "category": "notarisation",
        "demands": "撤销公证书并赔偿损失",
        "cause": cause,
        "crux": crux,
        "status": status,
        **columns,
    }
    names = ", ".join(values)
    marks = ", ".join(f"${i}" for i in range(1, len(values) + 1))
    await conn.execute(
        f"INSERT INTO petition_case ({names}) VALUES ({marks})",
        *values.values(),
    )
    return case_id


async def scene(world: World, **case_columns: Any) -> Scene:
    county, bureau, sibling = await world.county()
    section = await world.unit("信访股", bureau, kind="section")
    campaign_id = await insert_campaign(world.conn, county)
    return Scene(
        world=world,
        county=county,
        bureau=bureau,
        sibling=sibling,
        section=section,
        office=await world.user(bureau, "office"),
        leader=await world.user(bureau, "leader"),
        leader2=await world.user(bureau, "leader"),
        # In the case's own unit: cases.policies shows officers only the assigned cases of
        # their own subtree, so an officer of a section would not see a bureau's case.
        officer=await world.user(bureau, "officer"),
        stranger=await world.user(bureau, "officer"),
        campaign_id=campaign_id,
        case_id=await insert_case(world.conn, campaign_id, bureau, **case_columns),
    )


async def transition_audits(conn: asyncpg.Connection, case_id: uuid.UUID) -> list[asyncpg.Record]:
    return await conn.fetch(
        "SELECT * FROM audit_event WHERE case_id = $1 AND action = 'case.transition' ORDER BY id",
        case_id,
    )
