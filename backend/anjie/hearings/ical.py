"""A personal iCalendar feed of one's hearings, for calendar apps that cannot send a bearer token.

The feed URL carries an opaque token (only its sha256 is stored; one per user, a new one replaces
the old). The token opens this feed and nothing else. The feed names the place, the time, the
kind, the case number and the chair — never petitioners or their personal data, since calendar
apps sync it to phones and cloud services outside the bureau's control.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy.ext.asyncio import AsyncSession

import anjie.hearings.labels  # noqa: F401 - the feed uses the hearing labels
from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core import clock
from anjie.core.i18n import Lang
from anjie.core.labels import label
from anjie.core.repository import JoinedRow
from anjie.core.security import new_opaque_token, token_digest
from anjie.hearings import repository as repo
from anjie.hearings.errors import CalendarTokenInvalid
from anjie.hearings.models import Hearing, HearingStatus

# Calendar apps want recent history too; older hearings are in the case files, not the phone.
FEED_HISTORY = timedelta(days=180)
FEED_LIMIT = 1000
_ROLES = {"chair": ("主持人", "Chair"), "clerk": ("书记员", "Clerk")}


async def issue_token(session: AsyncSession, principal: Principal) -> tuple[str, datetime]:
    token, now = new_opaque_token(), clock.now()
    await repo.save_token(session, principal.id, token_digest(token), now)
    await _audit(session, principal, "hearing.calendar_token_issue")
    return token, now


async def revoke_token(session: AsyncSession, principal: Principal) -> None:
    if await repo.delete_token(session, principal.id):
        await _audit(session, principal, "hearing.calendar_token_revoke")


async def _audit(session: AsyncSession, principal: Principal, action: str) -> None:
    await audit.record(
        session,
        principal,
        action,
        entity_type="calendar_token",
        entity_id=principal.id,
        org_unit_id=principal.org_unit_id,
        org_path=principal.org_path,
    )


async def feed(session: AsyncSession, token: str, lang: Lang) -> bytes:
    user = await repo.user_of_token(session, token_digest(token))
    if user is None:
        raise CalendarTokenInvalid()
    rows = await repo.feed_rows(session, user.id, clock.now() - FEED_HISTORY, FEED_LIMIT)
    return render(rows, user.id, lang)


def _role(h: Hearing, user_id: uuid.UUID, lang: Lang) -> str:
    if h.chair_user_id == user_id:
        pair = _ROLES["chair"]
    elif h.clerk_user_id == user_id:
        pair = _ROLES["clerk"]
    else:
        kind = next((p.kind for p in h.participants if p.user_id == user_id), "official")
        return label("hearing_participant_kind", kind, lang)
    return pair[0] if lang == "zh-CN" else pair[1]


def render(rows: Sequence[JoinedRow], user_id: uuid.UUID, lang: Lang) -> bytes:
    zh = lang == "zh-CN"
    cal = Calendar()
    cal.add("prodid", "-//Anjie//Hearings//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "案结 · 我的听证安排" if zh else "Anjie · my hearings")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    for row in rows:
        h: Hearing = row[0]
        kind = label("hearing_kind", h.kind, lang)
        status = label("hearing_status", h.status, lang)
        postponed = h.status == HearingStatus.postponed
        summary = f"{kind} · {row.case_number}"
        event = Event()
        event.add("uid", f"hearing-{h.id}@anjie")
        event.add("dtstamp", h.updated_at)
        event.add("last-modified", h.updated_at)
        # Each change bumps the version: clients replace the event instead of keeping both.
        event.add("sequence", h.version)
        event.add("dtstart", h.starts_at)
        event.add("dtend", h.ends_at)
        event.add("summary", f"【{status}】{summary}" if postponed else summary)
        event.add("location", h.place)
        event.add("status", "TENTATIVE" if postponed else "CONFIRMED")
        lines = [
            ("案件编号" if zh else "Case", row.case_number),
            ("类型" if zh else "Kind", kind),
            ("状态" if zh else "Status", status),
            ("主持人" if zh else "Chair", row.chair_name),
            ("我的角色" if zh else "My role", _role(h, user_id, lang)),
        ]
        event.add("description", "\n".join(f"{k}：{v}" if zh else f"{k}: {v}" for k, v in lines))
        cal.add_component(event)
    return bytes(cal.to_ical())
