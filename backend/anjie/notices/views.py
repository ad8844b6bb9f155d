"""How a notice is shown: to clients (NoticeOut) and in the audit trail (snapshot)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from anjie.core.repository import JoinedRow
from anjie.notices.models import NoticeStatus, SupervisionNotice
from anjie.notices.schemas import NoticeOut, ReplyOut, UnitRef
from anjie.users.schemas import UserRef


def reply_out(row: JoinedRow) -> ReplyOut:
    r = row[0]
    return ReplyOut(
        id=r.id,
        author=UserRef(id=r.author_id, display_name=row.author_name),
        text=r.text,
        created_at=r.created_at,
    )


def to_out(
    row: JoinedRow, names: Mapping[uuid.UUID, str], replies: Sequence[ReplyOut]
) -> NoticeOut:
    n: SupervisionNotice = row[0]
    return NoticeOut(
        id=n.id,
        number=n.number,
        case_id=n.case_id,
        case_number=row.case_number,
        org_unit_id=n.org_unit_id,
        issuing_unit_id=n.issuing_unit_id,
        issued_by=UserRef(id=n.issued_by, display_name=row.issuer_name),
        issued_at=n.issued_at,
        to_users=[UserRef(id=u, display_name=names.get(u, "")) for u in n.to_user_ids],
        to_unit=UnitRef(id=n.to_unit_id, name=row.to_unit_name)
        if n.to_unit_id is not None and row.to_unit_name is not None
        else None,
        reason=n.reason,
        requirements=n.requirements,
        reply_due_on=n.reply_due_on,
        status=NoticeStatus(n.status),
        replies=list(replies),
        deadline_id=row.deadline_id,
        closed_at=n.closed_at,
        closed_by=n.closed_by,
        close_note=n.close_note,
        version=n.version,
        created_at=n.created_at,
        updated_at=n.updated_at,
    )


def snapshot(n: SupervisionNotice) -> dict[str, Any]:
    """What the audit row keeps of a notice."""
    return {
        "number": n.number,
        "status": n.status,
        "to_user_ids": [str(u) for u in n.to_user_ids],
        "to_unit_id": n.to_unit_id,
        "reason": n.reason,
        "requirements": n.requirements,
        "reply_due_on": n.reply_due_on.isoformat(),
        "close_note": n.close_note,
    }
