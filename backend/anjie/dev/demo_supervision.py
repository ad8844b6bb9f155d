"""Supervision in the demo: two supervision notices on the officer's resolving cases (one answered),
written through the real services on the campaign's 2010 calendar, and one worker tick at today's
clock — so the 2010–2011 deadlines the demo's own facts opened are overdue, escalated and, past
their grace, under accountability review, and the leader and the office have notifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.assignments.models import Assignment
from anjie.cases.enums import CaseStatus, RoleInCase
from anjie.cases.models import Case
from anjie.core import clock
from anjie.dev.demo import demo_id
from anjie.notices import service as notices
from anjie.notices.schemas import NoticeCreate, ReplyCreate

REASONS = (
    ("该案化解时限临近，化解措施尚未落实到位", "请于期限内书面报告化解进展及下一步措施"),
    ("信访人近期赴市上访，稳控工作存在漏洞", "请包案领导、责任人当面回访，并报告稳控措施"),
)


async def _officers_resolving_cases(session: AsyncSession, officer: Principal) -> list[Case]:
    held = select(Assignment.case_id).where(
        Assignment.user_id == officer.id,
        Assignment.role_in_case == RoleInCase.responsible_person.value,
        Assignment.ended_at.is_(None),
    )
    query = (
        select(Case)
        .where(Case.id.in_(held), Case.status == CaseStatus.resolving.value)
        .order_by(Case.number)
        .limit(len(REASONS))
    )
    return list((await session.scalars(query)).all())


async def load(
    session: AsyncSession,
    office: Principal,
    officer: Principal,
    at: Callable[[date], Callable[[], datetime]],
) -> int:
    """Issue the notices; the first is answered before its reply date. `at(day)` moves the clock."""
    cases = await _officers_resolving_cases(session, officer)
    issued = []
    for i, (case, (reason, requirements)) in enumerate(zip(cases, REASONS, strict=False)):
        clock.set_clock(at(date(2010, 9, 6 + i)))
        body = NoticeCreate(
            case_id=case.id,
            to_user_ids=[officer.id],
            to_unit_id=demo_id("unit:jo_chengguan"),
            reason=reason,
            requirements=requirements,
            reply_due_on=date(2010, 9, 20),
        )
        issued.append(await notices.issue(session, office, body))
    if issued:
        clock.set_clock(at(date(2010, 9, 16)))
        text = "已组织包案领导与信访人当面沟通，化解方案正在落实，近期将召开听证会"
        await notices.reply(session, officer, issued[0].id, ReplyCreate(text=text), None)
    return len(issued)
