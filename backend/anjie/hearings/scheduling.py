"""The rules of booking a hearing: who may take part, who may chair, how early a public hearing
is announced, and that no official or room is in two scheduled hearings at once.

Order of checks: malformed references (422) first, then the chair (409), the notice (409), and
last the calendar, which takes the booking locks — only a booking that is otherwise acceptable
queues behind other bookings.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.cases.errors import CaseDataInvalid, Violation
from anjie.core import clock
from anjie.core.calendar import local_date
from anjie.hearings import repository as repo
from anjie.hearings.errors import ChairIsInvestigator, Clash, HearingConflict, NoticeTooLate
from anjie.hearings.models import Hearing, HearingKind, HearingParticipant
from anjie.hearings.schemas import ParticipantIn
from anjie.users import repository as users_repo

NOTICE_DAYS = 7  # docs/domain.md: a public hearing's time and place are told 7 days ahead


def normalise_place(place: str) -> str:
    """One spelling per room: trimmed, inner whitespace collapsed, case-insensitive."""
    return " ".join(place.split()).casefold()


def utc(moment: datetime) -> datetime:
    """Times are kept in UTC in memory too, so a response reads the same as a later GET."""
    return moment.astimezone(UTC)


@dataclass
class Arrangement:
    """What is being booked: a hearing's scheduling details as they will be after the write."""

    kind: str
    starts_at: datetime
    duration_minutes: int
    place: str
    chair_user_id: uuid.UUID
    clerk_user_id: uuid.UUID | None
    notice_sent_at: datetime | None
    participant_user_ids: list[uuid.UUID] = field(default_factory=list)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def place_norm(self) -> str:
        return normalise_place(self.place)

    def staff(self) -> list[uuid.UUID]:
        """Everyone with an account: none of them can be in two rooms at once."""
        people = [self.chair_user_id, self.clerk_user_id, *self.participant_user_ids]
        return list(dict.fromkeys(p for p in people if p is not None))

    def apply_to(self, hearing: Hearing) -> None:
        hearing.kind = self.kind
        hearing.starts_at = utc(self.starts_at)
        hearing.duration_minutes = self.duration_minutes
        hearing.ends_at = utc(self.ends_at)
        hearing.place = self.place
        hearing.place_norm = self.place_norm
        hearing.chair_user_id = self.chair_user_id
        hearing.clerk_user_id = self.clerk_user_id
        hearing.notice_sent_at = utc(self.notice_sent_at) if self.notice_sent_at else None

    @classmethod
    def of(cls, hearing: Hearing) -> Arrangement:
        return cls(
            kind=hearing.kind,
            starts_at=hearing.starts_at,
            duration_minutes=hearing.duration_minutes,
            place=hearing.place,
            chair_user_id=hearing.chair_user_id,
            clerk_user_id=hearing.clerk_user_id,
            notice_sent_at=hearing.notice_sent_at,
            participant_user_ids=[p.user_id for p in hearing.participants if p.user_id],
        )


_MESSAGES = {
    "user_unknown": ("无此在职人员", "No active user with this id"),
    "chair_is_clerk": ("主持人与书记员不能是同一人", "The chair cannot also be the clerk"),
    "duplicate": ("同一人员重复列入", "This person is already taking part"),
    "not_a_petitioner_of_case": ("不是本案信访人", "Not a petitioner of this case"),
    "in_future": ("通知时间不能晚于当前时间", "The notice cannot have been sent in the future"),
}


def _bad(pointer: str, code: str) -> Violation:
    zh, en = _MESSAGES[code]
    return Violation(pointer=pointer, code=code, zh=zh, en=en)


async def check_people(
    session: AsyncSession,
    case_id: uuid.UUID,
    scope_path: str,
    *,
    chair_user_id: uuid.UUID | None,
    clerk_user_id: uuid.UUID | None,
    final: Arrangement,
    participants: Sequence[ParticipantIn] | None,
) -> list[HearingParticipant] | None:
    """Check the accounts and petitioners a request names (those it does not send were checked
    when they were stored); return the new participant rows, names resolved.

    Officials are users of the caller's org subtree (`scope_path`): an outsider's id is refused
    like an unknown one, so booking cannot probe ids across units or put a case in an outsider's
    calendar feed."""
    items = list(participants or ())
    wanted = [u for u in (chair_user_id, clerk_user_id) if u is not None]
    names = await repo.active_user_names(
        session, wanted + [p.user_id for p in items if p.user_id], scope_path
    )
    petitioners = await repo.case_petitioner_names(
        session, case_id, [p.petitioner_id for p in items if p.petitioner_id]
    )
    bad: list[Violation] = []
    for pointer, user_id in (
        ("#/chair_user_id", chair_user_id),
        ("#/clerk_user_id", clerk_user_id),
    ):
        if user_id is not None and user_id not in names:
            bad.append(_bad(pointer, "user_unknown"))
    if final.clerk_user_id == final.chair_user_id:
        bad.append(
            _bad("#/clerk_user_id" if clerk_user_id else "#/chair_user_id", "chair_is_clerk")
        )
    seen: set[uuid.UUID | None] = {final.chair_user_id, final.clerk_user_id}
    rows: list[HearingParticipant] = []
    for index, p in enumerate(items):
        ref, known = ("user_id", names) if p.user_id else ("petitioner_id", petitioners)
        linked = p.user_id or p.petitioner_id
        if linked is not None:
            if linked not in known:
                code = "user_unknown" if p.user_id else "not_a_petitioner_of_case"
                bad.append(_bad(f"#/participants/{index}/{ref}", code))
            elif linked in seen:
                bad.append(_bad(f"#/participants/{index}/{ref}", "duplicate"))
            seen.add(linked)
        rows.append(
            HearingParticipant(
                position=index + 1,
                kind=p.kind.value,
                user_id=p.user_id,
                petitioner_id=p.petitioner_id,
                # Names as they are today: the record keeps who took part, not later renames.
                name=p.name or (known.get(linked, "") if linked else ""),
                organisation=p.organisation,
            )
        )
    if bad:
        raise CaseDataInvalid(bad)
    return rows if participants is not None else None


def check_notice_time(notice_sent_at: datetime | None) -> None:
    """A notice is a fact already happened: a future time would satisfy the rule on paper."""
    if notice_sent_at is not None and notice_sent_at > clock.now() + timedelta(minutes=5):
        raise CaseDataInvalid([_bad("#/notice_sent_at", "in_future")])


async def check_chair(session: AsyncSession, case_id: uuid.UUID, chair: uuid.UUID) -> None:
    # docs/domain.md: the chair is not the case investigator (承办人) — the responsible person and
    # the team working the case; leaders and departments answer for it but do not investigate.
    if await repo.is_investigator(session, case_id, chair):
        raise ChairIsInvestigator()


def check_notice(plan: Arrangement) -> None:
    """Public hearings: notified at least 7 calendar days ahead, counted on Beijing dates."""
    if plan.kind != HearingKind.public_hearing:
        return
    if plan.notice_sent_at is None:
        raise NoticeTooLate(None)
    days = (local_date(plan.starts_at) - local_date(plan.notice_sent_at)).days
    if days < NOTICE_DAYS:
        raise NoticeTooLate(days)


async def check_calendar(
    session: AsyncSession,
    plan: Arrangement,
    *,
    exclude_id: uuid.UUID | None,
    override_reason: str | None,
) -> list[Clash]:
    """Lock every official and the room, then look for overlapping scheduled hearings. The
    locks are held until commit, so a concurrent booking of the same official or room waits
    here and then sees this one. Clashes are refused unless overridden (then returned)."""
    staff = plan.staff()
    keys = [f"user:{u}" for u in staff] + [f"place:{plan.place_norm}"]
    await repo.lock_resources(session, keys)
    others = await repo.overlapping(
        session,
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        place_norm=plan.place_norm,
        user_ids=staff,
        exclude_id=exclude_id,
    )
    found: list[tuple[Hearing, uuid.UUID | None]] = []
    for other in others:
        if other.place_norm == plan.place_norm:
            found.append((other, None))
        people = Arrangement.of(other).staff()
        found += [(other, u) for u in staff if u in people]
    if not found:
        return []
    names = await users_repo.display_names(session, [u for _, u in found if u is not None])
    clashes = [
        Clash(
            hearing_id=str(other.id),
            starts_at=other.starts_at,
            ends_at=other.ends_at,
            resource="place" if user_id is None else "official",
            place=other.place,
            user_id=str(user_id) if user_id else None,
            user_name=names.get(user_id) if user_id else None,
        )
        for other, user_id in found
    ]
    if override_reason is None:
        raise HearingConflict(clashes)
    return clashes
