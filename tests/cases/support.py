"""Shared steps for the case registry tests: setup rows straight into the database, the case
under test always through HTTP."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg
import httpx

from anjie.core.idnumber import check_digit
from tests.factories import TestUser, Unit, World

CASES = "/api/v1/cases"
PETITIONERS = "/api/v1/petitioners"
CUTOFF = date(2009, 12, 31)
# A valid GB 11643 number whose masked form is 510***********1234.
ID_1234 = "510104198001081234"
PHONE = "13812345678"


def id_number(n: int) -> str:
    """A distinct valid ID number for each n (born in 1970 + n // 300)."""
    first17 = f"510104{1970 + n // 300:04d}0101{n % 300:03d}"
    return first17 + check_digit(first17)


_fresh = itertools.count(1)


def fresh_id_number() -> str:
    return id_number(next(_fresh))


def wrong_check_digit(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


async def make_campaign(
    world: World, unit: Unit, *, cutoff: date = CUTOFF, name: str = "涉法涉诉信访积案清理"
) -> uuid.UUID:
    campaign_id = uuid.uuid4()
    await world.conn.execute(
        "INSERT INTO campaign (id, org_unit_id, name, cutoff_date, resolution_target) "
        "VALUES ($1, $2, $3, $4, $5)",
        campaign_id,
        unit.id,
        name,
        cutoff,
        date(2010, 12, 31),
    )
    return campaign_id


def case_body(campaign_id: uuid.UUID, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "campaign_id": str(campaign_id),
        "title": "王某某不服公证书信访案",
        "petition_form": "visit",
        "first_petition_on": "2008-03-15",
        "latest_petition_on": "2009-11-02",
        "petition_count": 7,
        "category": "notarisation",
        "receiving_organs": [
            {
                "organ": "municipal_justice_bureau",
                "reference_number": "市司信〔2009〕12号",
                "received_on": "2008-03-20",
            }
        ],
        "decision_organ": "清溪县公证处",
        "decision_reference": "（2007）清证字第88号",
        "decision_date": "2007-06-01",
        "decision_effective_on": "2007-06-15",
        "demands": "要求撤销公证书并赔偿损失",
        "three_cross_flags": ["cross_region"],
        "procedures": [
            {"stage": "initial", "organ": "清溪县司法局", "decided_on": "2008-05-01"},
            {"stage": "review", "organ": "市司法局", "decided_on": "2008-09-01"},
        ],
        "petitioners": [{"name": "王某某", "id_number": fresh_id_number(), "phone": PHONE}],
    }
    body.update(overrides)
    return body


def first_petitioned(body: dict[str, Any], day: str) -> dict[str, Any]:
    """The body moved to a first petition on `day`, its other dates kept consistent."""
    body.update(first_petition_on=day, latest_petition_on=day, procedures=[])
    for organ in body["receiving_organs"]:
        organ["received_on"] = day
    return body


async def create_case(
    world: World, user: TestUser, body: dict[str, Any], **headers: str
) -> dict[str, Any]:
    response = await world.client.post(CASES, json=body, headers={**world.auth(user), **headers})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


async def get_case(world: World, user: TestUser, case_id: str) -> httpx.Response:
    return await world.client.get(f"{CASES}/{case_id}", headers=world.auth(user))


async def patch_case(
    world: World, user: TestUser, case_id: str, body: dict[str, Any], version: int | None
) -> httpx.Response:
    headers = world.auth(user)
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    return await world.client.patch(f"{CASES}/{case_id}", json=body, headers=headers)


async def list_cases(world: World, user: TestUser, **params: Any) -> dict[str, Any]:
    response = await world.client.get(CASES, params=params, headers=world.auth(user))
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


async def list_numbers(world: World, user: TestUser, **params: Any) -> set[str]:
    page = await list_cases(world, user, limit=200, **params)
    assert page["next_cursor"] is None
    return {item["number"] for item in page["items"]}


async def assign(
    conn: asyncpg.Connection,
    case_id: str | uuid.UUID,
    *,
    user: TestUser | None = None,
    unit: Unit | None = None,
    role: str = "responsible_person",
) -> None:
    await conn.execute(
        "INSERT INTO case_assignment (id, case_id, role_in_case, user_id, org_unit_id, "
        "started_at, assigned_by) VALUES ($1, $2, $3, $4, $5, now(), $6)",
        uuid.uuid4(),
        uuid.UUID(str(case_id)),
        role,
        user.id if user else None,
        unit.id if unit else None,
        uuid.uuid4(),
    )


@dataclass(frozen=True)
class Counts:
    cases: int
    petitioners: int
    audit: int
    links: int


async def counts(conn: asyncpg.Connection) -> Counts:
    row = await conn.fetchrow(
        "SELECT (SELECT count(*) FROM petition_case) AS cases, "
        "(SELECT count(*) FROM petitioner) AS petitioners, "
        "(SELECT count(*) FROM audit_event) AS audit, "
        "(SELECT count(*) FROM case_petitioner) AS links"
    )
    assert row is not None
    return Counts(row["cases"], row["petitioners"], row["audit"], row["links"])


@dataclass
class Bureau:
    """A county with two sibling bureaus, a campaign of the county, and people of bureau A."""

    county: Unit
    a: Unit
    b: Unit
    campaign_id: uuid.UUID
    office: TestUser
    leader: TestUser
    officer: TestUser
    observer: TestUser
    office_b: TestUser


async def bureau(world: World) -> Bureau:
    county, a, b = await world.county()
    campaign_id = await make_campaign(world, county)
    return Bureau(
        county=county,
        a=a,
        b=b,
        campaign_id=campaign_id,
        office=await world.user(a, "office"),
        leader=await world.user(a, "leader"),
        officer=await world.user(a, "officer"),
        observer=await world.user(a, "observer"),
        office_b=await world.user(b, "office"),
    )


async def insert_cases(
    conn: asyncpg.Connection,
    unit: Unit,
    campaign_id: uuid.UUID,
    count: int,
    *,
    person: TestUser,
    prefix: str = "BULK",
    first_seq: int = 1,
) -> list[uuid.UUID]:
    """`count` complete cases straight into the tables (fast setup for large pages): each with
    a receiving organ, a procedure, a petitioner and an active responsible person and unit."""
    ids = [uuid.uuid4() for _ in range(count)]
    people = [uuid.uuid4() for _ in range(count)]
    await conn.executemany(
        "INSERT INTO petition_case (id, campaign_id, org_unit_id, number, number_year, "
        "number_seq, title, registered_on, petition_form, first_petition_on, category, demands) "
        "VALUES ($1, $2, $3, $4, 2026, $5, $6, '2026-01-05', 'letter', '2008-01-01', "
        "'notarisation', $7)",
        [
            (cid, campaign_id, unit.id, f"{prefix}-2026-{i:04d}", i, f"批量案件{i}", "批量诉求")
            for i, cid in enumerate(ids, start=first_seq)
        ],
    )
    await conn.executemany(
        "INSERT INTO case_receiving_organ (case_id, position, organ) VALUES ($1, 0, 'government')",
        [(cid,) for cid in ids],
    )
    await conn.executemany(
        "INSERT INTO case_procedure (case_id, position, stage, organ) VALUES ($1, 0, 'initial', "
        "'县司法局')",
        [(cid,) for cid in ids],
    )
    await conn.executemany(
        "INSERT INTO petitioner (id, org_unit_id, name, pii_kid, id_number_masked) "
        "VALUES ($1, $2, $3, 'dev-1', '510***********0000')",
        [(pid, unit.id, f"批量信访人{i}") for i, pid in enumerate(people)],
    )
    await conn.executemany(
        "INSERT INTO case_petitioner (case_id, petitioner_id, position) VALUES ($1, $2, 0)",
        list(zip(ids, people, strict=True)),
    )
    await conn.executemany(
        "INSERT INTO case_assignment (id, case_id, role_in_case, user_id, org_unit_id, "
        "started_at, assigned_by) VALUES ($1, $2, $3, $4, $5, now(), $6)",
        [
            (uuid.uuid4(), cid, role, user_id, unit_id, person.id)
            for cid in ids
            for role, user_id, unit_id in (
                ("responsible_person", person.id, None),
                ("responsible_department", None, unit.id),
            )
        ],
    )
    return ids
