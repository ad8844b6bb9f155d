from __future__ import annotations

from typing import Any

from anjie.core.errors import Conflict, NotFound

# The five fixes (五定) as the UI names them.
FIX_LABELS: dict[str, tuple[str, str]] = {
    "personnel": ("定人员", "personnel"),
    "measures": ("定方案", "measures"),
    "time_limit": ("定时限", "time limit"),
    "requirements": ("定要求", "requirements"),
    "expected_effect": ("定效果", "expected effect"),
}


class PlanNotFound(NotFound):
    code = "plan_not_found"
    message_zh = "本案尚无化解方案"
    message_en = "The case has no resolution plan yet"


class PlanSubmitted(Conflict):
    code = "plan_submitted"
    message_zh = "方案已提交审批，待领导批准或退回后才能修改"
    message_en = "The plan is awaiting a decision; it can be changed once approved or returned"


class PlanNotDraft(Conflict):
    code = "plan_not_draft"
    message_zh = "只有草稿状态的方案可以提交"
    message_en = "Only a draft plan can be submitted"


class PlanNotSubmitted(Conflict):
    code = "plan_not_submitted"
    message_zh = "只有已提交的方案可以批准或退回"
    message_en = "Only a submitted plan can be approved or returned"


class PlanAuthorCannotApprove(Conflict):
    code = "plan_author_cannot_approve"
    message_zh = "方案须由起草人以外的领导批准"
    message_en = "A plan must be approved by a leader other than its author"


class PlanCaseClosed(Conflict):
    code = "case_closed"
    message_zh = "案件已办结，不能再修改化解方案（如信访人重新信访，请先重新启动案件）"
    message_en = "The case is closed; reopen it before changing its plan"


class PlanIncomplete(Conflict):
    code = "plan_incomplete"
    message_zh = "化解方案“五定”不完整，缺少：{missing_zh}"
    message_en = "The plan lacks some of the five fixes: {missing_en}"

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            missing_zh="、".join(FIX_LABELS[m][0] for m in missing),
            missing_en=", ".join(FIX_LABELS[m][1] for m in missing),
        )

    def extra(self) -> dict[str, Any]:
        return {"missing": self.missing}
