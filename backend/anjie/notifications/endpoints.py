"""The caller's own notifications (通知).

The web app learns of new ones by polling `unread-count` (every half minute or so): polling
keeps the API replicas stateless — no open connection ties a user to one process — and the
count is one index scan (ix_notification_unread).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.db import SessionDep
from anjie.core.i18n import negotiate
from anjie.core.pagination import Cursor, Limit, Page, decode_id_cursor, page_of
from anjie.notifications import service
from anjie.notifications.schemas import Marked, NotificationOut, UnreadCount
from anjie.notifications.views import to_out

router = APIRouter(tags=["notifications"])
Reader = Annotated[Principal, Depends(Authorize(Permission.self_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.self_write))]


@router.get("/notifications", operation_id="listNotifications")
async def list_notifications(
    request: Request,
    session: SessionDep,
    principal: Reader,
    limit: Limit = 50,
    cursor: Cursor = None,
    unread: Annotated[bool | None, Query(description="true: only unread; false: only read")] = None,
) -> Page[NotificationOut]:
    """The caller's notifications, newest first."""
    lang = negotiate(request.headers.get("accept-language"))
    rows = await service.inbox(
        session, principal, unread=unread, before=decode_id_cursor(cursor), limit=limit + 1
    )
    page = page_of(list(rows), limit, lambda n: [str(n.id)])
    return Page[NotificationOut](
        items=[to_out(n, lang) for n in page.items], next_cursor=page.next_cursor
    )


@router.get("/notifications/unread-count", operation_id="countUnreadNotifications")
async def unread_count(session: SessionDep, principal: Reader) -> UnreadCount:
    """How many of the caller's notifications are unread; the web app polls this."""
    return UnreadCount(unread=await service.unread_count(session, principal))


@router.post("/notifications/read-all", operation_id="markAllNotificationsRead")
async def read_all(session: SessionDep, principal: Writer) -> Marked:
    """Mark every unread notification of the caller read."""
    return Marked(marked=await service.mark_all_read(session, principal))


@router.post("/notifications/{notification_id}/read", operation_id="markNotificationRead")
async def read_one(
    notification_id: uuid.UUID, request: Request, session: SessionDep, principal: Writer
) -> NotificationOut:
    """Mark one read; another user's notification is 404."""
    notification = await service.mark_read(session, principal, notification_id)
    return to_out(notification, negotiate(request.headers.get("accept-language")))
