"""zh-CN / en labels of the supervision vocabulary, served by /meta/enums."""

from anjie.core.calendar import DurationUnit
from anjie.core.labels import register
from anjie.supervision.models import DeadlineStatus, SubjectType
from anjie.supervision.rules import DeadlineRuleKind

register(
    "deadline_status",
    DeadlineStatus,
    {
        "open": ("计时中", "Open"),
        "met": ("按期完成", "Met"),
        "overdue": ("已超期", "Overdue"),
        "met_late": ("超期完成", "Met late"),
        "waived": ("免除", "Waived"),
    },
)
register(
    "deadline_rule_kind",
    DeadlineRuleKind,
    {
        "census_report": ("排查摸底数据报送", "Census report upward"),
        "self_inspection": ("自查总结报告", "Self-inspection report"),
        "plan_submission": ("化解方案报送", "Plan submitted"),
        "resolution": ("化解时限", "Resolution time limit"),
        "return_visit": ("定期回访", "Return visit"),
        "petition_acceptance": ("告知是否受理", "Acceptance decision told"),
        "petition_handling": ("出具处理意见", "Handling opinion"),
        "relief_step": ("司法救助办理时限", "Relief step"),
        "relief_refusal_notice": ("告知不予救助", "Refusal told to the applicant"),
        "notice_reply": ("督办反馈", "Supervision notice reply"),
    },
)
register(
    "deadline_subject",
    SubjectType,
    {
        "case": ("案件", "Case"),
        "relief_application": ("司法救助申请", "Relief application"),
        "hearing": ("听证（调解、会诊）", "Hearing"),
        "supervision_notice": ("督办通知", "Supervision notice"),
        "campaign": ("专项活动", "Campaign"),
    },
)
register(
    "duration_unit",
    DurationUnit,
    {
        "calendar_days": ("自然日", "Calendar days"),
        "working_days": ("工作日", "Working days"),
    },
)
