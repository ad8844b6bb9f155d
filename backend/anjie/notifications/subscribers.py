"""Who is told what when casework happens, in the transaction of the fact.

The notices package subscribes its own facts here too (it publishes them; this package sits
above it). A person is not told of their own act.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

import anjie.cases.labels  # noqa: F401  (the role labels used in the titles)
from anjie.access.roles import Role
from anjie.accountability.events import AccountabilityOpened
from anjie.assignments.events import AssignmentSet
from anjie.cases.enums import RoleInCase
from anjie.cases.events import CaseFact
from anjie.core.events import DomainEvent, Handler
from anjie.core.labels import label
from anjie.notices.events import (
    NoticeClosed,
    NoticeFact,
    NoticeIssued,
    NoticeReplied,
    NoticeReturned,
)
from anjie.notifications import repository as repo
from anjie.notifications.models import NotificationKind as K
from anjie.notifications.service import notify
from anjie.plans.events import PlanApproved, PlanFact, PlanReturned, PlanSubmitted


async def _tell(
    session: AsyncSession,
    fact: CaseFact,
    user_id: uuid.UUID | None,
    kind: K,
    source_key: str,
    title_zh: str,
    title_en: str,
) -> None:
    if user_id is None or user_id == fact.actor_id:
        return
    await notify(session, user_id, kind, source_key, title_zh, title_en, case_id=fact.case_id)


async def on_assignment(session: AsyncSession, fact: AssignmentSet) -> None:
    number = await repo.case_number(session, fact.case_id) or ""
    role_zh = label("role_in_case", fact.role_in_case, "zh-CN")
    role_en = label("role_in_case", fact.role_in_case, "en")
    await _tell(
        session,
        fact,
        fact.user_id,
        K.assignment,
        f"assignment:{fact.assignment_id}",
        f"您被指定为案件{number}的{role_zh}",
        f"You were made {role_en.lower()} of case {number}",
    )


async def on_plan_submitted(session: AsyncSession, fact: PlanSubmitted) -> None:
    number = await repo.case_number(session, fact.case_id) or ""
    leader = await repo.holder(session, fact.case_id, RoleInCase.responsible_leader.value)
    await _tell(
        session,
        fact,
        leader,
        K.plan_submitted,
        f"plan:{fact.plan_id}:submitted",
        f"案件{number}的化解方案（第{fact.version_no}版）待您审批",
        f"The plan (version {fact.version_no}) of case {number} awaits your approval",
    )


async def _decided(session: AsyncSession, fact: PlanFact, kind: K, zh: str, en: str) -> None:
    number = await repo.case_number(session, fact.case_id) or ""
    author = await repo.plan_author(session, fact.plan_id)
    person = await repo.holder(session, fact.case_id, RoleInCase.responsible_person.value)
    for user_id in dict.fromkeys((author, person)):
        await _tell(
            session,
            fact,
            user_id,
            kind,
            f"plan:{fact.plan_id}:{kind.value}",
            f"案件{number}的化解方案（第{fact.version_no}版）{zh}",
            f"The plan (version {fact.version_no}) of case {number} was {en}",
        )


async def on_plan_approved(session: AsyncSession, fact: PlanApproved) -> None:
    await _decided(session, fact, K.plan_approved, "已批准", "approved")


async def on_plan_returned(session: AsyncSession, fact: PlanReturned) -> None:
    await _decided(session, fact, K.plan_returned, "被退回修改", "returned for changes")


async def on_accountability_opened(session: AsyncSession, fact: AccountabilityOpened) -> None:
    """The leaders of the case's unit decide it, so they are told."""
    number = await repo.case_number(session, fact.case_id) or ""
    for leader in await repo.nearest_with_role(session, fact.org_unit_id, Role.leader.value):
        await _tell(
            session,
            fact,
            leader,
            K.accountability,
            f"accountability:{fact.record_id}",
            f"案件{number}已启动责任倒查，待领导决定",
            f"An accountability review of case {number} awaits a leader's decision",
        )


async def _tell_notice(
    session: AsyncSession, fact: NoticeFact, users: tuple[uuid.UUID, ...], kind: K, zh: str, en: str
) -> None:
    for user_id in dict.fromkeys(users):
        if user_id == fact.actor_id:
            continue
        await notify(
            session,
            user_id,
            kind,
            f"notice:{fact.notice_id}:{kind.value}:{fact.reply_due_on.isoformat()}",
            f"督办通知{fact.number}{zh}",
            f"Supervision notice {fact.number} {en}",
            case_id=fact.case_id,
            notice_id=fact.notice_id,
        )


async def on_notice_issued(session: AsyncSession, fact: NoticeIssued) -> None:
    due = fact.reply_due_on.isoformat()
    await _tell_notice(
        session,
        fact,
        fact.to_user_ids,
        K.notice_issued,
        f"请于{due}前反馈",
        f"asks for a reply by {due}",
    )


async def on_notice_replied(session: AsyncSession, fact: NoticeReplied) -> None:
    await _tell_notice(
        session, fact, (fact.issued_by,), K.notice_replied, "已反馈", "was replied to"
    )


async def on_notice_closed(session: AsyncSession, fact: NoticeClosed) -> None:
    await _tell_notice(session, fact, fact.to_user_ids, K.notice_closed, "已办结", "was closed")


async def on_notice_returned(session: AsyncSession, fact: NoticeReturned) -> None:
    due = fact.reply_due_on.isoformat()
    await _tell_notice(
        session,
        fact,
        fact.to_user_ids,
        K.notice_returned,
        f"的反馈被退回，请于{due}前重新反馈",
        f"was returned: reply again by {due}",
    )


SUBSCRIPTIONS: tuple[tuple[type[DomainEvent], Handler[Any]], ...] = (
    (AssignmentSet, on_assignment),
    (PlanSubmitted, on_plan_submitted),
    (PlanApproved, on_plan_approved),
    (PlanReturned, on_plan_returned),
    (AccountabilityOpened, on_accountability_opened),
    (NoticeIssued, on_notice_issued),
    (NoticeReplied, on_notice_replied),
    (NoticeClosed, on_notice_closed),
    (NoticeReturned, on_notice_returned),
)
