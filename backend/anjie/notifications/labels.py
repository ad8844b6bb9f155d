"""zh-CN / en labels of the notification vocabulary, served by /meta/enums."""

from anjie.core.labels import register
from anjie.notifications.models import NotificationKind

register(
    "notification_kind",
    NotificationKind,
    {
        "assignment": ("包案指定", "Assigned to a case"),
        "plan_submitted": ("方案待审批", "Plan awaiting approval"),
        "plan_approved": ("方案已批准", "Plan approved"),
        "plan_returned": ("方案被退回", "Plan returned"),
        "reminder": ("时限提醒", "Deadline reminder"),
        "overdue": ("时限超期", "Deadline overdue"),
        "escalation": ("超期督办升级", "Overdue escalated"),
        "accountability": ("责任倒查", "Accountability review"),
        "notice_issued": ("督办通知", "Supervision notice issued"),
        "notice_replied": ("督办已反馈", "Supervision notice replied"),
        "notice_closed": ("督办已办结", "Supervision notice closed"),
        "notice_returned": ("督办反馈被退回", "Supervision reply returned"),
    },
)
