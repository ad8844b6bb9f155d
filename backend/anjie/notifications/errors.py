from __future__ import annotations

from anjie.core.errors import NotFound


class NotificationNotFound(NotFound):
    code = "notification_not_found"
    message_zh = "通知不存在"
    message_en = "The notification does not exist"
