"""Rules of a check-in the types cannot say. Each broken rule is one item of a 422, pointing at
its field, in both UI languages."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.cases.errors import Violation
from anjie.checkins import repository as repo
from anjie.checkins.models import Attitude
from anjie.checkins.schemas import CheckInCreate
from anjie.core import clock

# Phones' clocks drift; a visit a little "ahead" of the server is a clock, not a forgery.
FUTURE_SLACK = timedelta(minutes=5)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def payload_violations(data: CheckInCreate, key: uuid.UUID, now: datetime) -> list[Violation]:
    found: list[Violation] = []
    if data.visited_at > now + FUTURE_SLACK:
        found.append(
            Violation(
                "#/visited_at",
                "visited_at_in_future",
                "回访时间不能晚于当前时间（请检查手机时间）",
                "The visit time is in the future (check the phone's clock)",
            )
        )
    elif data.visited_at < EARLIEST:
        found.append(
            Violation(
                "#/visited_at",
                "visited_at_too_early",
                "回访时间不能早于 2000 年",
                "The visit time is before 2000",
            )
        )
    # Only a time in range has a day: converting year 1 or 9999 to Shanghai time overflows.
    in_range = not found
    visit_day = data.visited_at.astimezone(clock.SHANGHAI).date() if in_range else None
    if visit_day is not None and data.next_visit_on is not None and data.next_visit_on < visit_day:
        found.append(
            Violation(
                "#/next_visit_on",
                "next_visit_before_visit",
                "下次回访日期不能早于本次回访日期",
                "The next visit date is before this visit's date",
            )
        )
    if data.could_not_visit and data.attitude != Attitude.unreachable:
        found.append(
            Violation(
                "#/attitude",
                "attitude_must_be_unreachable",
                "未能见到信访人时，态度应为“未见到本人”",
                "When the visit could not be made, the attitude must be unreachable",
            )
        )
    if data.threats_recorded and not data.threat_note:
        found.append(
            Violation("#/threat_note", "missing", "请记录威胁内容", "Describe the threats made")
        )
    elif data.threat_note and not data.threats_recorded:
        found.append(
            Violation(
                "#/threat_note",
                "not_allowed",
                "未勾选“有过激言行”时不能填写威胁内容",
                "A threat note needs threats_recorded",
            )
        )
    if data.client_id is not None and data.client_id != key:
        found.append(
            Violation(
                "#/client_id",
                "client_id_mismatch",
                "client_id 须与 Idempotency-Key 相同",
                "client_id must equal the Idempotency-Key",
            )
        )
    return found


async def officer_violations(
    session: AsyncSession, principal: Principal, officers: list[uuid.UUID]
) -> list[Violation]:
    """Each officer is an active user in the caller's subtree, listed once."""
    active = await repo.users_in_scope(session, officers, principal.org_path)
    found: list[Violation] = []
    seen: set[uuid.UUID] = set()
    for index, user_id in enumerate(officers):
        pointer = f"#/officers/{index}"
        if user_id in seen:
            found.append(Violation(pointer, "duplicate", "人员重复", "Listed twice"))
        elif user_id not in active:
            found.append(
                Violation(pointer, "officer_not_found", "人员不存在", "No such user in your unit")
            )
        elif not active[user_id]:
            found.append(Violation(pointer, "officer_inactive", "该人员已停用", "User disabled"))
        seen.add(user_id)
    return found
