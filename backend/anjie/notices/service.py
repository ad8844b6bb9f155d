"""Supervision notices (督办通知书): the office presses the people holding a case for a written
reply by a date; the reply is accepted (closed) or sent back (returned) for another.

A notice is visible exactly when its case is (cases.policies): outside that it is 404. Every
write is audited on the case's timeline and publishes its fact. The reply deadline is a
supervision clock (docs/domain.md, 1.15 Supervision, `notice_reply`): opened with the notice,
met by the reply, opened again when the notice is returned.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.cases.access import get_visible_case
from anjie.cases.errors import Violation
from anjie.cases.models import Case
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import Page, decode_id_cursor, page_of
from anjie.notices import repository as repo
from anjie.notices.errors import (
    NoticeDataInvalid,
    NoticeNotAddressed,
    NoticeNotFound,
    NoticeReplyNotFound,
    NoticeState,
)
from anjie.notices.events import NoticeClosed, NoticeIssued, NoticeReplied, NoticeReturned
from anjie.notices.models import (
    AWAITING_REPLY,
    NoticeStatus,
    SupervisionNotice,
    SupervisionReply,
)
from anjie.notices.schemas import (
    NoticeClose,
    NoticeCreate,
    NoticeListQuery,
    NoticeOut,
    NoticeReturn,
    ReplyCreate,
)
from anjie.notices.views import reply_out, snapshot, to_out
from anjie.orgs.models import OrgUnit
from anjie.supervision import service as supervision
from anjie.supervision.models import SubjectType
from anjie.supervision.rules import DeadlineRuleKind
from anjie.supervision.service import Clock

_SUBJECT = SubjectType.supervision_notice.value

_MESSAGES = {
    "not_addressable": (
        "须为本案包案人员，且在本单位管辖范围内",
        "Must be an active user holding the case, within the issuer's scope",
    ),
    "duplicate": ("同一人员重复列入", "This person is already listed"),
    "unit_unknown": ("无此单位或不在本单位管辖范围内", "No such unit within the issuer's scope"),
    "not_after_today": ("反馈期限须晚于今天", "The reply date must be after today"),
}


def _bad(pointer: str, code: str) -> Violation:
    zh, en = _MESSAGES[code]
    return Violation(pointer=pointer, code=code, zh=zh, en=en)


def number_of(unit: OrgUnit, year: int, seq: int) -> str:
    """文号 as official documents write it: the issuing organ's short name (发文机关代字), 督 for
    supervision, the year in 〔〕 and the sequence (docs/domain.md, Print layout)."""
    return f"{unit.short_name or unit.name}督〔{year}〕{seq}号"


def _check_reply_day(day: date, pointer: str = "#/reply_due_on") -> list[Violation]:
    return [] if day > clock.today() else [_bad(pointer, "not_after_today")]


# ---- reads ---------------------------------------------------------------------------------


async def _outs(session: AsyncSession, rows: list[Any]) -> list[NoticeOut]:
    """Rows → bodies, with the addressees' names and every reply in two statements."""
    names = await repo.user_names(session, {u for r in rows for u in r[0].to_user_ids})
    replies: dict[uuid.UUID, list[Any]] = {}
    for row in await repo.replies_of(session, [r[0].id for r in rows]):
        replies.setdefault(row[0].notice_id, []).append(reply_out(row))
    return [to_out(r, names, replies.get(r[0].id, [])) for r in rows]


async def get(session: AsyncSession, principal: Principal, notice_id: uuid.UUID) -> NoticeOut:
    row = await repo.get_joined(session, principal, notice_id)
    if row is None:
        raise NoticeNotFound()
    return (await _outs(session, [row]))[0]


async def list_notices(
    session: AsyncSession, principal: Principal, query: NoticeListQuery
) -> Page[NoticeOut]:
    filters = repo.NoticeFilters(
        case_id=query.case_id,
        status=tuple(s.value for s in query.status or ()),
        to_user_id=principal.id if query.to_me else None,
    )
    rows = await repo.list_visible(
        session,
        principal,
        filters,
        before=decode_id_cursor(query.cursor),
        limit=query.limit + 1,
    )
    page = page_of(list(rows), query.limit, lambda r: [str(r[0].id)])
    return Page[NoticeOut](items=await _outs(session, page.items), next_cursor=page.next_cursor)


# ---- writes --------------------------------------------------------------------------------


def _fact(principal: Principal, n: SupervisionNotice) -> dict[str, Any]:
    """The fields every notice fact carries."""
    return {
        "case_id": n.case_id,
        "org_unit_id": n.org_unit_id,
        "actor_id": principal.id,
        "notice_id": n.id,
        "number": n.number,
        "to_user_ids": tuple(n.to_user_ids),
        "issued_by": n.issued_by,
        "reply_due_on": n.reply_due_on,
    }


async def _open_reply_clock(session: AsyncSession, n: SupervisionNotice, case: Case) -> None:
    await supervision.open_clock(
        session,
        Clock(
            kind=DeadlineRuleKind.notice_reply,
            subject_type=_SUBJECT,
            subject_id=n.id,
            case_id=case.id,
            campaign_id=case.campaign_id,
            org_unit_id=case.org_unit_id,
            responsible_user_id=n.to_user_ids[0],
            responsible_unit_id=n.to_unit_id,
            starts_on=clock.today(),
            fixed_on=n.reply_due_on,
        ),
    )


async def _audit(
    session: AsyncSession,
    principal: Principal,
    action: str,
    n: SupervisionNotice,
    case: Case,
    *,
    before: dict[str, Any] | None = None,
    reason: str | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    await audit.record_on_case(
        session,
        principal,
        f"notice.{action}",
        entity_type="supervision_notice",
        entity_id=n.id,
        case=case,
        reason=reason,
        before=before,
        after={**snapshot(n), **(extra or {})},
    )


async def issue(session: AsyncSession, principal: Principal, data: NoticeCreate) -> NoticeOut:
    case = await get_visible_case(session, principal, data.case_id)
    bad = _check_reply_day(data.reply_due_on)
    known = await repo.addressable(session, principal, case.id, data.to_user_ids)
    seen: set[uuid.UUID] = set()
    for index, user_id in enumerate(data.to_user_ids):
        if user_id in seen:
            bad.append(_bad(f"#/to_user_ids/{index}", "duplicate"))
        elif user_id not in known:
            bad.append(_bad(f"#/to_user_ids/{index}", "not_addressable"))
        seen.add(user_id)
    if (
        data.to_unit_id is not None
        and await repo.unit_in_scope(session, principal, data.to_unit_id) is None
    ):
        bad.append(_bad("#/to_unit_id", "unit_unknown"))
    if bad:
        raise NoticeDataInvalid(bad)
    # Issued in the caller's own unit's name and sequence.
    unit = await repo.get_unit(session, principal.org_unit_id)
    # Writes from here on: the counter row stays locked until commit (repository.next_seq).
    now = clock.now()
    year = clock.today().year
    seq = await repo.next_seq(session, unit.id, year)
    notice = SupervisionNotice(
        id=uuid7(),
        number=number_of(unit, year, seq),
        number_year=year,
        number_seq=seq,
        case_id=case.id,
        org_unit_id=case.org_unit_id,
        issuing_unit_id=unit.id,
        issued_by=principal.id,
        issued_at=now,
        to_user_ids=list(data.to_user_ids),
        to_unit_id=data.to_unit_id,
        reason=data.reason,
        requirements=data.requirements,
        reply_due_on=data.reply_due_on,
        status=NoticeStatus.open.value,
        created_at=now,
        updated_at=now,
    )
    session.add(notice)
    await session.flush()
    await _open_reply_clock(session, notice, case)
    await _audit(session, principal, "issue", notice, case)
    await publish(session, NoticeIssued(**_fact(principal, notice)))
    return await get(session, principal, notice.id)


async def _locked(
    session: AsyncSession, principal: Principal, notice_id: uuid.UUID, expected: int | None
) -> tuple[SupervisionNotice, Case]:
    found = await repo.lock_visible(session, principal, notice_id)
    if found is None:
        raise NoticeNotFound()
    if expected is not None:
        check_version(expected, found[0].version)
    return found


async def reply(
    session: AsyncSession,
    principal: Principal,
    notice_id: uuid.UUID,
    data: ReplyCreate,
    expected: int | None,
) -> NoticeOut:
    """The addressees answer; so may anyone holding the case (the person who took it over)."""
    notice, case = await _locked(session, principal, notice_id, expected)
    if principal.id not in notice.to_user_ids and not await repo.holds_case(
        session, case.id, principal.id
    ):
        raise NoticeNotAddressed()
    if notice.status not in AWAITING_REPLY:
        raise NoticeState(notice.status, "reply")
    before = snapshot(notice)
    entry = SupervisionReply(
        id=uuid7(),
        notice_id=notice.id,
        author_id=principal.id,
        text=data.text,
        created_at=clock.now(),
    )
    session.add(entry)
    notice.status = NoticeStatus.replied.value
    await session.flush()
    await supervision.close_clock(
        session, DeadlineRuleKind.notice_reply, _SUBJECT, notice.id, by=principal.id
    )
    await _audit(
        session,
        principal,
        "reply",
        notice,
        case,
        before=before,
        extra={"reply_id": str(entry.id), "reply_text": entry.text},
    )
    await publish(session, NoticeReplied(**_fact(principal, notice), reply_id=entry.id))
    return await get(session, principal, notice.id)


async def close(
    session: AsyncSession,
    principal: Principal,
    notice_id: uuid.UUID,
    data: NoticeClose,
    expected: int | None,
) -> NoticeOut:
    """The reply is accepted: the notice is done with (办结)."""
    notice, case = await _locked(session, principal, notice_id, expected)
    if notice.status != NoticeStatus.replied:
        raise NoticeState(notice.status, "close")
    before = snapshot(notice)
    notice.status = NoticeStatus.closed.value
    notice.closed_at, notice.closed_by, notice.close_note = clock.now(), principal.id, data.note
    await session.flush()
    await _audit(session, principal, "close", notice, case, before=before, reason=data.note)
    await publish(session, NoticeClosed(**_fact(principal, notice)))
    return await get(session, principal, notice.id)


async def return_(
    session: AsyncSession,
    principal: Principal,
    notice_id: uuid.UUID,
    data: NoticeReturn,
    expected: int | None,
) -> NoticeOut:
    """The reply is not enough: another is owed by a new date, on a new clock (the old one was
    met by the reply)."""
    notice, case = await _locked(session, principal, notice_id, expected)
    if notice.status != NoticeStatus.replied:
        raise NoticeState(notice.status, "return")
    bad = _check_reply_day(data.reply_due_on)
    if bad:
        raise NoticeDataInvalid(bad)
    before = snapshot(notice)
    notice.status = NoticeStatus.returned.value
    notice.reply_due_on = data.reply_due_on
    await session.flush()
    # The reply met the old clock; this makes sure none still runs when the new one opens.
    await supervision.close_clock(
        session, DeadlineRuleKind.notice_reply, _SUBJECT, notice.id, by=principal.id
    )
    await _open_reply_clock(session, notice, case)
    await _audit(session, principal, "return", notice, case, before=before, reason=data.reason)
    await publish(session, NoticeReturned(**_fact(principal, notice)))
    return await get(session, principal, notice.id)


async def reply_case(session: AsyncSession, principal: Principal, reply_id: uuid.UUID) -> uuid.UUID:
    """The attachments' owner resolver: the reply's case id, 404 outside the caller's scope."""
    case_id = await repo.case_of_visible_reply(session, principal, reply_id)
    if case_id is None:
        raise NoticeReplyNotFound()
    return case_id
