"""Where a notification goes besides the inbox: SMS, e-mail, a messaging gateway.

A channel is anything with `async deliver(notification)`; the worker calls every configured
channel for each undelivered notification (settings `notification_channels`, none by default:
the inbox alone). A channel that raises leaves the notification undelivered for the next tick,
so a channel must tolerate being called again for one it already sent when another failed.
The title is the only text; channels must not add case details or personal data.
"""

from __future__ import annotations

import logging
from typing import Protocol

from anjie.config import Settings
from anjie.notifications.models import Notification

log = logging.getLogger("anjie.notifications")


class Channel(Protocol):
    name: str

    async def deliver(self, notification: Notification) -> None: ...


class LogChannel:
    """One structured log line per notification: kind and ids only, never the title (it names
    the case) nor anything about the recipient beyond the account id."""

    name = "log"

    async def deliver(self, notification: Notification) -> None:
        log.info(
            "notification delivered",
            extra={
                "channel": self.name,
                "kind": notification.kind,
                "notification_id": str(notification.id),
                "user_id": str(notification.user_id),
                "case_id": str(notification.case_id) if notification.case_id else None,
                "deadline_id": str(notification.deadline_id) if notification.deadline_id else None,
            },
        )


_KNOWN: dict[str, type[LogChannel]] = {"log": LogChannel}


def configured(settings: Settings) -> list[Channel]:
    return [_KNOWN[name]() for name in settings.notification_channels]
