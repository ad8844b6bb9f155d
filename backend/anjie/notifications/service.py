"""Notifications: written in the transaction of what caused them, read by their recipient.

`notify` is the one way in. Its (recipient, source key) is unique, so a cause that happens again
— a second worker on the same tick, a retried request — notifies nobody twice; this is what
makes the worker's effects exactly once for people. A notification written by a subscriber is
derived state of the publishing write's audited change and is not audited again; the worker's
steps that notify are audited by the worker. Marking read is the recipient's own write, and
audited like any other.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core import clock
from anjie.notifications import repository as repo
from anjie.notifications.channels import Channel
from anjie.notifications.errors import NotificationNotFound
from anjie.notifications.models import Notification, NotificationKind

log = logging.getLogger("anjie.notifications")
_TITLE = 300


async def notify(
    session: AsyncSession,
    user_id: uuid.UUID,
    kind: NotificationKind | str,
    source_key: str,
    title_zh: str,
    title_en: str,
    case_id: uuid.UUID | None = None,
    deadline_id: uuid.UUID | None = None,
    notice_id: uuid.UUID | None = None,
) -> uuid.UUID | None:
    """Notify `user_id` once for `source_key`; the new notification's id, or None when this
    source already notified them."""
    return await repo.insert_once(
        session,
        {
            "user_id": user_id,
            "kind": str(kind),
            "source_key": source_key[:200],
            "case_id": case_id,
            "deadline_id": deadline_id,
            "notice_id": notice_id,
            "title_zh": title_zh[:_TITLE],
            "title_en": title_en[:_TITLE],
            "created_at": clock.now(),
        },
    )


async def inbox(
    session: AsyncSession,
    principal: Principal,
    *,
    unread: bool | None,
    before: uuid.UUID | None,
    limit: int,
) -> Sequence[Notification]:
    return await repo.inbox(session, principal.id, unread=unread, before=before, limit=limit)


async def unread_count(session: AsyncSession, principal: Principal) -> int:
    return await repo.unread_count(session, principal.id)


async def _audit(
    session: AsyncSession, principal: Principal, action: str, entity_id: str, count: int
) -> None:
    await audit.record(
        session,
        principal,
        action,
        entity_type="notification",
        entity_id=entity_id,
        org_unit_id=principal.org_unit_id,
        org_path=principal.org_path,
        after={"marked": count},
    )


async def mark_read(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> Notification:
    """Another user's notification is not found, as if it did not exist. Reading it twice keeps
    the first time."""
    notification = await repo.own(session, principal.id, notification_id)
    if notification is None:
        raise NotificationNotFound()
    if notification.read_at is None:
        notification.read_at = clock.now()
        await session.flush()
        await _audit(session, principal, "notification.read", str(notification.id), 1)
    return notification


async def mark_all_read(session: AsyncSession, principal: Principal) -> int:
    marked = await repo.mark_all_read(session, principal.id, clock.now())
    if marked:
        await _audit(session, principal, "notification.read_all", str(principal.id), marked)
    return marked


async def deliver_pending(
    session: AsyncSession, channels: Sequence[Channel], *, limit: int = 200
) -> int:
    """Send the oldest undelivered notifications through every channel; each that all channels
    took is marked delivered. Rows another worker holds are skipped, not waited for.

    Marking delivery is the outbox's bookkeeping, not a change anyone made: not audited."""
    delivered = 0
    for notification in await repo.undelivered(session, limit):
        try:
            for channel in channels:
                await channel.deliver(notification)
        except Exception:
            # Left undelivered: the next tick tries again.
            log.exception(
                "notification delivery failed", extra={"notification_id": str(notification.id)}
            )
            continue
        notification.delivered_at = clock.now()
        delivered += 1
    await session.flush()
    return delivered
