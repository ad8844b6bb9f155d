from __future__ import annotations

from anjie.core.i18n import Lang
from anjie.notifications.models import Notification, NotificationKind
from anjie.notifications.schemas import NotificationOut


def to_out(n: Notification, lang: Lang) -> NotificationOut:
    return NotificationOut(
        id=n.id,
        kind=NotificationKind(n.kind),
        title=n.title_zh if lang == "zh-CN" else n.title_en,
        case_id=n.case_id,
        deadline_id=n.deadline_id,
        notice_id=n.notice_id,
        created_at=n.created_at,
        read_at=n.read_at,
    )
