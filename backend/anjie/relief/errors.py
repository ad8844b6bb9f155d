from __future__ import annotations

from typing import Any

from anjie.cases.errors import LocalisedItems
from anjie.core.errors import Conflict, NotFound, ValidationFailed
from anjie.core.labels import label


class ReliefNotFound(NotFound):
    code = "relief_application_not_found"
    message_zh = "救助申请不存在"
    message_en = "The relief application does not exist"


class WageStandardNotFound(NotFound):
    code = "relief_wage_standard_not_found"
    message_zh = "尚未录入该省份该年度的平均工资标准"
    message_en = "No average wage standard has been entered for this province and year"


class ReliefNotDraft(Conflict):
    code = "relief_not_draft"
    message_zh = "救助申请已提交，不能再修改"
    message_en = "The relief application has been submitted and can no longer be changed"


class ReliefStepInvalid(Conflict):
    code = "relief_step_invalid"
    message_zh = "救助申请处于“{step_zh}”环节，不能执行此操作"
    message_en = "The relief application is at step “{step_en}”; this action is not possible"

    def __init__(self, step: str, action: str) -> None:
        self.step = step
        self.action = action
        super().__init__(
            step_zh=label("relief_step", step, "zh-CN"), step_en=label("relief_step", step, "en")
        )

    def extra(self) -> dict[str, Any]:
        return {"step": self.step, "action": self.action}


class ReliefFourEyes(Conflict):
    code = "relief_four_eyes"
    message_zh = "救助须由申请提交人、审核人以外的领导批准；特殊情况须由两名不同的领导批准"
    message_en = (
        "Relief must be approved by a leader other than its submitter and reviewer; an "
        "exceptional amount needs two different leaders"
    )


class ReliefOverCap(Conflict):
    code = "relief_over_cap"
    message_zh = "批准金额 {amount} 元超过救助标准上限 {cap} 元；确需超标准救助的，请按特殊情况报批"
    message_en = (
        "The approved amount {amount} exceeds the cap of {cap}; approve it as exceptional, "
        "with a reason, if it is really needed"
    )

    def __init__(self, amount: str, cap: str) -> None:
        self.amount = amount
        self.cap = cap
        super().__init__(amount=amount, cap=cap)

    def extra(self) -> dict[str, Any]:
        return {"amount_approved": self.amount, "cap": self.cap}


class ReliefStandardMissing(Conflict):
    code = "relief_standard_missing"
    message_zh = "尚未录入省份代码 {province} {year} 年度的职工月平均工资，无法计算救助上限"
    message_en = (
        "No average monthly wage is entered for province {province} and year {year}; "
        "the relief cap cannot be computed"
    )

    def __init__(self, province: str, year: int) -> None:
        self.province = province
        self.year = year
        super().__init__(province=province, year=year)

    def extra(self) -> dict[str, Any]:
        return {"province_code": self.province, "year": self.year}


class ReliefAlreadyGranted(Conflict):
    code = "relief_already_granted"
    message_zh = "该信访人在本案中已获批司法救助，同一案件对同一当事人只救助一次"
    message_en = "This petitioner has already been granted relief in this case (once per case)"


class ReliefAmountAboveRequest(Conflict):
    code = "relief_amount_above_request"
    message_zh = "批准金额不能超过申请金额"
    message_en = "The approved amount cannot exceed the amount requested"


class ReliefApprovalMismatch(Conflict):
    code = "relief_approval_mismatch"
    message_zh = "第二名领导批准的金额须与第一名领导批准的金额一致"
    message_en = "The second approval must be for the amount the first leader approved"


class ReliefInputInvalid(LocalisedItems, ValidationFailed):
    """Well-typed fields that do not fit the case or the day (an applicant who is not a
    petitioner of the case, a commitment signed in the future); each item has its pointer."""
