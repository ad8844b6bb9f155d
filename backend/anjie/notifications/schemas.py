from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from anjie.notifications.models import NotificationKind


class NotificationOut(BaseModel):
    id: uuid.UUID
    kind: NotificationKind
    title: str = Field(description="In the caller's language (Accept-Language; zh-CN default)")
    case_id: uuid.UUID | None
    deadline_id: uuid.UUID | None
    notice_id: uuid.UUID | None
    created_at: datetime
    read_at: datetime | None


class UnreadCount(BaseModel):
    unread: int


class Marked(BaseModel):
    marked: int
