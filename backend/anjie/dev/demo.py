"""Demo data: the seed's county justice bureau and one account per role (dev only).

Idempotent: fixed ids derived from names, inserts that skip what exists.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.campaigns.events import CampaignSaved
from anjie.campaigns.models import Campaign, CampaignPhase
from anjie.core.events import publish
from anjie.core.security import hash_password
from anjie.orgs.models import OrgUnit
from anjie.relief.models import ReliefWageStandard
from anjie.users.models import User

DEMO_PASSWORD = "anjie-demo-2010"
_NS = uuid.UUID("5b1f5a52-6e6a-4b1e-9a1f-616e6a696501")


def demo_id(name: str) -> uuid.UUID:
    return uuid.uuid5(_NS, name)


@dataclass(frozen=True)
class DemoUnit:
    key: str
    parent: str | None
    name: str
    kind: str
    code: str
    short_name: str | None = None


# A fictional county in Sichuan; the bureau's sections and judicial offices as in the seed's
# distribution list (各科、室、处、所).
UNITS: tuple[DemoUnit, ...] = (
    DemoUnit("province", None, "四川省", "province", "SC", "四川"),
    DemoUnit("city", "province", "川南市", "city", "SC-CN", "川南"),
    DemoUnit("city_bureau", "city", "川南市司法局", "bureau", "SC-CN-SFJ", "市司法局"),
    DemoUnit("county", "city", "清溪县", "county", "SC-CN-QX", "清溪"),
    DemoUnit("committee", "county", "中共清溪县委政法委员会", "committee", "QX-ZFW", "县委政法委"),
    DemoUnit("bureau", "county", "清溪县司法局", "bureau", "QX-SFJ", "县司法局"),
    DemoUnit(
        "campaign_office",
        "bureau",
        "清理涉法涉诉信访积案领导小组办公室",
        "office",
        "QX-SFJ-JAB",
        "积案办",
    ),
    DemoUnit("general_office", "bureau", "局办公室", "office", "QX-SFJ-BGS", "办公室"),
    DemoUnit("grassroots", "bureau", "基层工作股", "section", "QX-SFJ-JCG", "基层股"),
    DemoUnit("lawyers", "bureau", "律师公证工作股", "section", "QX-SFJ-LSG", "律公股"),
    DemoUnit("corrections", "bureau", "社区矫正股", "section", "QX-SFJ-SJG", "矫正股"),
    DemoUnit("legal_aid", "bureau", "法律援助中心", "section", "QX-SFJ-FYZX", "法援中心"),
    DemoUnit("jo_chengguan", "bureau", "城关司法所", "judicial_office", "QX-SFS-CG", "城关所"),
    DemoUnit("jo_qingshan", "bureau", "青山司法所", "judicial_office", "QX-SFS-QS", "青山所"),
    DemoUnit("jo_heba", "bureau", "河坝司法所", "judicial_office", "QX-SFS-HB", "河坝所"),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    unit: str
    display_name: str
    post: str
    roles: tuple[str, ...]


USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "county", "系统管理员", "信息化管理员", ("admin",)),
    DemoUser("leader", "bureau", "李建国", "局长、领导小组组长", ("leader",)),
    DemoUser("office", "bureau", "王秀英", "领导小组办公室主任", ("office",)),
    DemoUser("officer", "jo_chengguan", "张明", "城关司法所所长", ("officer",)),
    DemoUser("observer", "county", "陈静", "县委政法委督导员", ("observer",)),
)


CAMPAIGN_PHASES = (
    ("mobilisation", date(2010, 5, 15), date(2010, 5, 30)),
    ("census", date(2010, 5, 31), date(2010, 6, 25)),
    ("concentrated_resolution", date(2010, 7, 1), date(2010, 12, 31)),
    ("summary_acceptance", date(2011, 9, 1), date(2011, 12, 31)),
)


async def _campaign(session: AsyncSession) -> int:
    """The seed's campaign with its real dates (implementation plan of 3 June 2010)."""
    campaign_id = demo_id("campaign:2010")
    if await session.get(Campaign, campaign_id) is not None:
        return 0
    session.add(
        Campaign(
            id=campaign_id,
            org_unit_id=demo_id("unit:bureau"),
            name="集中清理涉法涉诉信访积案专项活动",
            document_reference="清司发〔2010〕18号",
            cutoff_date=date(2009, 12, 31),
            resolution_target=date(2010, 12, 31),
            self_inspection_due=date(2011, 10, 1),
            phases=[CampaignPhase(phase=p, starts_on=a, ends_on=b) for p, a, b in CAMPAIGN_PHASES],
        )
    )
    await session.flush()
    # Written as a row, so the fact a campaign's service would publish is published here: it
    # opens the census-report and self-inspection deadlines.
    census_ends = next(b for p, _, b in CAMPAIGN_PHASES if p == "census")
    await publish(
        session,
        CampaignSaved(
            campaign_id=campaign_id,
            org_unit_id=demo_id("unit:bureau"),
            actor_id=None,
            resolution_target=date(2010, 12, 31),
            census_ends_on=census_ends,
            self_inspection_due=date(2011, 10, 1),
        ),
    )
    return 1


# Illustrative reference data so relief approvals work in the demo: Sichuan's average monthly
# wage for the year before each demo period (an administrator enters the official figures).
WAGE_STANDARDS = (("51", 2009, Decimal("2402.50")), ("51", 2025, Decimal("8900.00")))


async def _wage_standards(session: AsyncSession) -> int:
    added = 0
    for province, year, wage in WAGE_STANDARDS:
        result = await session.execute(
            insert(ReliefWageStandard)
            .values(
                province_code=province,
                year=year,
                average_monthly_wage=wage,
                multiple=36,
                entered_at=datetime.now(UTC),
            )
            .on_conflict_do_nothing()
        )
        added += result.rowcount  # type: ignore[attr-defined]
    return added


async def load(session: AsyncSession) -> int:
    """Insert what is missing; returns how many rows were added."""
    added = 0
    paths: dict[str, str] = {}
    for unit in UNITS:
        unit_id = demo_id(f"unit:{unit.key}")
        paths[unit.key] = (paths[unit.parent] if unit.parent else "/") + f"{unit_id}/"
        result = await session.execute(
            insert(OrgUnit)
            .values(
                id=unit_id,
                parent_id=demo_id(f"unit:{unit.parent}") if unit.parent else None,
                path=paths[unit.key],
                name=unit.name,
                short_name=unit.short_name,
                kind=unit.kind,
                code=unit.code,
            )
            .on_conflict_do_nothing()
        )
        added += result.rowcount  # type: ignore[attr-defined]
    existing = set((await session.scalars(select(User.username))).all())
    password_hash = hash_password(DEMO_PASSWORD)
    for user in USERS:
        if user.username in existing:
            continue
        session.add(
            User(
                id=demo_id(f"user:{user.username}"),
                org_unit_id=demo_id(f"unit:{user.unit}"),
                username=user.username,
                display_name=user.display_name,
                post=user.post,
                roles=list(user.roles),
                password_hash=password_hash,
            )
        )
        added += 1
    await session.flush()
    added += await _campaign(session)
    added += await _wage_standards(session)
    return added
