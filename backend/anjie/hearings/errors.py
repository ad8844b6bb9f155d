from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from anjie.core.clock import SHANGHAI
from anjie.core.errors import Conflict, NotFound, Unauthorized


class HearingNotFound(NotFound):
    code = "hearing_not_found"
    message_zh = "听证（调解、会诊、接访）安排不存在"
    message_en = "The hearing does not exist"


class HearingTransitionNotAllowed(Conflict):
    code = "hearing_transition_not_allowed"
    message_zh = "当前状态（{status}）下不能{action_zh}"
    message_en = "A hearing that is {status} cannot be {action_en}"

    _ACTIONS = {
        "hold": ("登记举行", "held"),
        "postpone": ("延期", "postponed"),
        "cancel": ("取消", "cancelled"),
        "reschedule": ("重新安排", "rescheduled"),
    }

    def __init__(self, status: str, action: str) -> None:
        self.status_value, self.action = status, action
        zh, en = self._ACTIONS[action]
        super().__init__(status=status, action_zh=zh, action_en=en)

    def extra(self) -> dict[str, Any]:
        return {"hearing_status": self.status_value, "action": self.action}


class HearingNotEditable(Conflict):
    code = "hearing_not_editable"
    message_zh = "听证已{status_zh}，不能再修改安排"
    message_en = "The hearing is {status}; its arrangements can no longer be changed"

    def __init__(self, status: str) -> None:
        zh = {"held": "举行", "cancelled": "取消"}.get(status, status)
        super().__init__(status=status, status_zh=zh)


class HearingCaseClosed(Conflict):
    code = "case_closed"
    message_zh = "案件已办结，不能再安排听证（如信访人重新信访，请先重新启动案件）"
    message_en = "The case is closed; reopen it before booking a hearing"


class HearingNotHeld(Conflict):
    code = "hearing_not_held"
    message_zh = "听证举行后才能录入笔录、结果和附件"
    message_en = "Minutes, outcome and attachments are recorded only once the hearing is held"


class HearingNotYetHappened(Conflict):
    code = "hearing_in_future"
    message_zh = "举行时间不能晚于当前时间"
    message_en = "A hearing cannot be recorded as held at a time still in the future"


class ChairIsInvestigator(Conflict):
    code = "chair_is_investigator"
    message_zh = "主持人不得由本案承办人（直接责任人或专班成员）担任"
    message_en = "The chair must not be an investigator of the case (responsible person or team)"


class NoticeTooLate(Conflict):
    code = "notice_too_late"
    message_zh = "公开听证须至少提前 7 日通知听证时间和地点（{why_zh}）"
    message_en = "A public hearing needs notice at least 7 days ahead ({why_en})"

    def __init__(self, days: int | None) -> None:
        self.days = days
        if days is None:
            super().__init__(why_zh="尚未登记通知时间", why_en="no notice has been recorded")
        else:
            super().__init__(
                why_zh=f"仅提前 {days} 日", why_en=f"notice was given only {days} days ahead"
            )

    def extra(self) -> dict[str, Any]:
        return {"notice_days": self.days, "required_days": 7}


@dataclass(frozen=True)
class Clash:
    """One reason a booking collides with another scheduled hearing."""

    hearing_id: str
    starts_at: datetime
    ends_at: datetime
    resource: str  # "official" or "place"
    place: str
    user_id: str | None = None
    user_name: str | None = None

    def who(self, zh: bool) -> str:
        if self.resource == "place":
            return f"场所“{self.place}”" if zh else f"room '{self.place}'"
        return str(self.user_name)

    def when(self) -> str:
        start, end = self.starts_at.astimezone(SHANGHAI), self.ends_at.astimezone(SHANGHAI)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "hearing_id": self.hearing_id,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "resource": self.resource,
            "place": self.place,
            "user_id": self.user_id,
            "user_name": self.user_name,
        }


class HearingConflict(Conflict):
    code = "hearing_conflict"
    message_zh = "时间冲突：{who_zh} 在 {when}（北京时间）已有安排（编号 {hearing_id}）{more_zh}"
    message_en = (
        "Double booking: {who_en} already has hearing {hearing_id} at {when} (Beijing){more_en}"
    )

    def __init__(self, clashes: list[Clash]) -> None:
        self.clashes = clashes
        first, more = clashes[0], len(clashes) - 1
        super().__init__(
            who_zh=first.who(True),
            who_en=first.who(False),
            when=first.when(),
            hearing_id=first.hearing_id,
            more_zh=f"，另有 {more} 处冲突；如确需安排请填写理由"
            if more
            else "；如确需安排请填写理由",
            more_en=f", and {more} more clash(es); give override_reason to book anyway"
            if more
            else "; give override_reason to book anyway",
        )

    def extra(self) -> dict[str, Any]:
        return {"conflicts": [c.as_dict() for c in self.clashes]}


class CalendarTokenInvalid(Unauthorized):
    code = "calendar_token_invalid"
    message_zh = "日历订阅链接无效或已撤销，请重新生成"
    message_en = "The calendar link is not valid or was revoked; create a new one"
