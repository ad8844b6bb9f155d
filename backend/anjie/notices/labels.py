"""zh-CN / en labels of the supervision notices' vocabulary, served by /meta/enums."""

from anjie.core.labels import register
from anjie.notices.models import NoticeStatus

register(
    "notice_status",
    NoticeStatus,
    {
        "open": ("待反馈", "Open"),
        "replied": ("已反馈", "Replied"),
        "closed": ("已办结", "Closed"),
        "returned": ("已退回", "Returned"),
    },
)
