from __future__ import annotations

from typing import Any

from anjie.cases.errors import LocalisedItems
from anjie.core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from anjie.core.labels import label


class NoticeNotFound(NotFound):
    code = "notice_not_found"
    message_zh = "督办通知不存在"
    message_en = "The supervision notice does not exist"


class NoticeReplyNotFound(NotFound):
    code = "notice_reply_not_found"
    message_zh = "督办反馈不存在"
    message_en = "The reply to the supervision notice does not exist"


class NoticeNotAddressed(Forbidden):
    code = "notice_not_addressed"
    message_zh = "只有督办对象或本案包案人员可以反馈"
    message_en = "Only an addressee of the notice or a holder of the case may reply"


class NoticeState(Conflict):
    code = "notice_state"
    message_zh = "督办通知当前为“{status_zh}”，不能{action_zh}"
    message_en = "The supervision notice is {status}; it cannot be {action_en}"

    _ACTIONS = {
        "reply": ("反馈", "replied to"),
        "close": ("办结", "closed"),
        "return": ("退回", "returned"),
    }

    def __init__(self, status: str, action: str) -> None:
        self.status_value, self.action = status, action
        zh, en = self._ACTIONS[action]
        super().__init__(
            status=status,
            status_zh=label("notice_status", status, "zh-CN"),
            action_zh=zh,
            action_en=en,
        )

    def extra(self) -> dict[str, Any]:
        return {"notice_status": self.status_value, "action": self.action}


class NoticeDataInvalid(LocalisedItems, ValidationFailed):
    """Addressees, unit or reply date that are well-typed but not acceptable."""
