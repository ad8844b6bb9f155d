"""Facts of supervision notices: issued, replied to, closed, returned for another reply.

Each names the addressees and the issuer, so a reaction (a notification, a reminder) needs no
read of its own to know whom it concerns.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class NoticeFact(CaseFact):
    notice_id: uuid.UUID
    number: str
    to_user_ids: tuple[uuid.UUID, ...]
    issued_by: uuid.UUID
    reply_due_on: date


@dataclass(frozen=True, kw_only=True)
class NoticeIssued(NoticeFact):
    name = "notice.issued"


@dataclass(frozen=True, kw_only=True)
class NoticeReplied(NoticeFact):
    name = "notice.replied"
    reply_id: uuid.UUID


@dataclass(frozen=True, kw_only=True)
class NoticeClosed(NoticeFact):
    name = "notice.closed"


@dataclass(frozen=True, kw_only=True)
class NoticeReturned(NoticeFact):
    """Sent back for a better reply; `reply_due_on` is the new date."""

    name = "notice.returned"
