"""The case timeline: the case's audit events (audit_event.case_id) as readable entries.

A view, not a table: whatever is audited with the case's id appears here, with a short title in
the caller's language. Titles are built from what the event itself recorded (names as they were
at the time), so renaming a user later does not rewrite history.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import repository as audit_repo
from anjie.audit.models import AuditEvent
from anjie.cases.access import get_visible_case
from anjie.core.i18n import Lang
from anjie.core.labels import label
from anjie.core.pagination import Page, bad_cursor, decode_cursor, page_of

_MAX_ID = 2**63 - 1  # bigint

# Past tense reads better in a history than the buttons' imperative labels.
_TRANSITIONS: dict[str, tuple[str, str]] = {
    "analyse": ("研判", "Analysed"),
    "approve_plan": ("批准方案", "Plan approved"),
    "start_resolving": ("开始化解", "Resolution started"),
    "resolve": ("化解（息诉罢访）", "Resolved"),
    "terminate": ("终结退出", "Terminated"),
    "refer": ("移交公安", "Referred to police"),
    "accept": ("验收", "Accepted"),
    "reopen": ("重新启动", "Reopened"),
}
_PLAN: dict[str, tuple[str, str]] = {
    "case.plan_save": ("保存化解方案（第{n}版）", "Plan version {n} saved"),
    "case.plan_submit": ("提交化解方案（第{n}版）", "Plan version {n} submitted"),
    "case.plan_approve": ("批准化解方案（第{n}版）", "Plan version {n} approved"),
    "case.plan_return": ("退回化解方案（第{n}版）", "Plan version {n} returned"),
}
# Events written by the case registry itself.
_OTHER: dict[str, tuple[str, str]] = {
    "case.create": ("登记案件", "Case registered"),
    "case.update": ("修改案件信息", "Case details changed"),
    "case.commitment_signed": ("签订息诉罢访承诺书", "Stop-petitioning commitment signed"),
    "attachment.upload": ("上传附件", "Attachment uploaded"),
    "attachment.download": ("查阅附件", "Attachment downloaded"),
    "check_in.record": ("回访", "Return visit recorded"),
    "hearing.create": ("安排听证/调解", "Hearing scheduled"),
    "hearing.update": ("修改听证安排", "Hearing changed"),
    "hearing.hold": ("举行听证/调解", "Hearing held"),
    "hearing.postpone": ("听证延期", "Hearing postponed"),
    "hearing.cancel": ("取消听证", "Hearing cancelled"),
    "hearing.reschedule": ("重新安排听证", "Hearing rescheduled"),
    "hearing.conflict_override": ("冲突确认后仍安排", "Scheduling conflict overridden"),
    "relief.create": ("填写司法救助申请", "Relief application drafted"),
    "relief.update": ("修改司法救助申请", "Relief application changed"),
    "relief.submit": ("提交司法救助申请", "Relief application submitted"),
    "relief.unit_opinion": ("承办单位意见", "Unit opinion given"),
    "relief.review": ("司法救助审核", "Relief reviewed"),
    "relief.approve": ("批准司法救助", "Relief approved"),
    "relief.reject": ("不予救助", "Relief rejected"),
    "relief.disburse": ("发放救助金", "Relief disbursed"),
    "relief.notify": ("告知申请人", "Applicant notified"),
    "petitioner.create": ("登记信访人", "Petitioner registered"),
}


class TimelineChanges(BaseModel):
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class TimelineEntry(BaseModel):
    id: int
    occurred_at: datetime
    actor_name: str | None
    action: str
    title: str
    reason: str | None
    changes: TimelineChanges


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "zh-CN" else pair[1]


def _holder(snapshot: dict[str, Any]) -> str:
    return str(snapshot.get("user_name") or snapshot.get("org_unit_name") or "")


def _assignment_title(event: AuditEvent, lang: Lang) -> str:
    before, after = event.before or {}, event.after or {}
    if event.action == "case.assignment_end":
        role = label("role_in_case", str(before.get("role_in_case", "")), lang)
        name = _holder(before)
        return f"结束{role} {name}" if lang == "zh-CN" else f"{role} ended: {name}"
    role = label("role_in_case", str(after.get("role_in_case", "")), lang)
    name = _holder(after)
    title = f"指定{role} {name}" if lang == "zh-CN" else f"{role} assigned: {name}"
    if before:
        replaced = _holder(before)
        title += f"（接替 {replaced}）" if lang == "zh-CN" else f" (replacing {replaced})"
    return title


def title_of(event: AuditEvent, lang: Lang) -> str:
    after = event.after or {}
    if event.action == "case.transition":
        action = str(after.get("action", ""))
        title = _pick(_TRANSITIONS.get(action, (action, action)), lang)
        if after.get("outcome_kind") and action == "resolve":
            sep = "：" if lang == "zh-CN" else ": "
            title += sep + label("outcome_kind", str(after["outcome_kind"]), lang)
        return title
    if event.action in ("case.assignment", "case.assignment_end"):
        return _assignment_title(event, lang)
    if event.action in _PLAN:
        return _pick(_PLAN[event.action], lang).format(n=after.get("version_no", "?"))
    return _pick(_OTHER.get(event.action, (event.action, event.action)), lang)


def _before_id(cursor: str | None) -> int | None:
    key = decode_cursor(cursor, 1)
    if key is None:
        return None
    value = key[0]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_ID:
        raise bad_cursor()
    return value


async def page(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    lang: Lang,
    *,
    cursor: str | None,
    limit: int,
) -> Page[TimelineEntry]:
    case = await get_visible_case(session, principal, case_id)
    # Whoever may see the case sees its whole history: the scope is the case, not the org
    # path of each event ("/" is every path), and the (case_id, id) index serves the query.
    rows = await audit_repo.list_events(
        session,
        org_path="/",
        include_unscoped=True,
        before_id=_before_id(cursor),
        limit=limit + 1,
        case_id=case.id,
    )
    shown = page_of(list(rows), limit, lambda event: [event.id])
    return Page[TimelineEntry](
        items=[
            TimelineEntry(
                id=e.id,
                occurred_at=e.occurred_at,
                actor_name=e.actor_name,
                action=e.action,
                title=title_of(e, lang),
                reason=e.reason,
                changes=TimelineChanges(before=e.before, after=e.after),
            )
            for e in shown.items
        ],
        next_cursor=shown.next_cursor,
    )
