"""How a hearing is shown: to clients (HearingOut) and in the audit trail (snapshot)."""

from __future__ import annotations

from typing import Any

from anjie.core.repository import JoinedRow
from anjie.hearings.models import Hearing, HearingKind, HearingStatus, ParticipantKind
from anjie.hearings.schemas import HearingOut, ParticipantOut
from anjie.users.schemas import UserRef


def to_out(row: JoinedRow) -> HearingOut:
    h: Hearing = row[0]
    return HearingOut(
        id=h.id,
        case_id=h.case_id,
        case_number=row.case_number,
        kind=HearingKind(h.kind),
        status=HearingStatus(h.status),
        starts_at=h.starts_at,
        ends_at=h.ends_at,
        duration_minutes=h.duration_minutes,
        place=h.place,
        chair=UserRef(id=h.chair_user_id, display_name=row.chair_name),
        clerk=UserRef(id=h.clerk_user_id, display_name=row.clerk_name)
        if h.clerk_user_id and row.clerk_name is not None
        else None,
        participants=[
            ParticipantOut(
                kind=ParticipantKind(p.kind),
                user_id=p.user_id,
                name=p.name,
                organisation=p.organisation,
                petitioner_id=p.petitioner_id,
            )
            for p in h.participants
        ],
        notice_sent_at=h.notice_sent_at,
        public=h.public,
        conflict_override_reason=h.conflict_override_reason,
        minutes=h.minutes,
        outcome=h.outcome,
        held_at=h.held_at,
        postponed_at=h.postponed_at,
        postpone_reason=h.postpone_reason,
        next_starts_at=h.next_starts_at,
        cancelled_at=h.cancelled_at,
        cancel_reason=h.cancel_reason,
        created_by=h.created_by,
        version=h.version,
        created_at=h.created_at,
        updated_at=h.updated_at,
    )


def snapshot(h: Hearing) -> dict[str, Any]:
    """What the audit row keeps: the arrangement and record, participants by name."""
    return {
        "kind": h.kind,
        "status": h.status,
        "starts_at": h.starts_at,
        "ends_at": h.ends_at,
        "place": h.place,
        "chair_user_id": h.chair_user_id,
        "clerk_user_id": h.clerk_user_id,
        "participants": [
            {"kind": p.kind, "name": p.name, "user_id": p.user_id, "petitioner_id": p.petitioner_id}
            for p in h.participants
        ],
        "notice_sent_at": h.notice_sent_at,
        "public": h.public,
        "minutes": h.minutes,
        "outcome": h.outcome,
        "held_at": h.held_at,
    }
