from __future__ import annotations

from anjie.core.errors import Conflict, Forbidden, NotFound


class DeadlineNotFound(NotFound):
    code = "deadline_not_found"
    message_zh = "时限不存在"
    message_en = "The deadline does not exist"


class DeadlineClosed(Conflict):
    code = "deadline_closed"
    message_zh = "该时限已结束（{status}），不能再操作"
    message_en = "The deadline is closed ({status})"


class DeadlinePaused(Conflict):
    code = "deadline_paused"
    message_zh = "该时限已暂停计时"
    message_en = "The deadline is already paused"


class DeadlineNotPaused(Conflict):
    code = "deadline_not_paused"
    message_zh = "该时限未暂停计时"
    message_en = "The deadline is not paused"


class PauseOverdue(Conflict):
    code = "deadline_overdue"
    message_zh = "已超期的时限不能暂停计时"
    message_en = "An overdue deadline cannot be paused"


class AlreadyExtended(Conflict):
    code = "deadline_already_extended"
    message_zh = "该时限已延期一次，不能再次延期"
    message_en = "The deadline has been extended once already"


class ExtensionTooLong(Conflict):
    code = "deadline_extension_too_long"
    message_zh = "延期不能超过 {max} 天"
    message_en = "The extension may be at most {max} days"


class NotTheLeader(Forbidden):
    code = "deadline_leader_required"
    message_zh = "须由局领导批准"
    message_en = "A bureau leader must approve this"


class RuleKindUnknown(NotFound):
    code = "deadline_rule_not_found"
    message_zh = "没有这种时限规则"
    message_en = "There is no deadline rule of this kind"
