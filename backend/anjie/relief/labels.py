"""zh-CN / en labels of the relief vocabulary (docs/domain.md, judicial relief)."""

from anjie.core.labels import register
from anjie.relief.models import ReliefAction, ReliefKind, Step

register(
    "relief_kind",
    ReliefKind,
    {
        "hardship": ("生活困难", "Hardship"),
        "medical": ("医疗救治困难", "Medical"),
        "education": ("就学困难", "Education"),
        "funeral": ("丧葬困难", "Funeral"),
        "other": ("其他", "Other"),
    },
)
register(
    "relief_step",
    Step,
    {
        "draft": ("草稿", "Draft"),
        "submitted": ("已申请", "Submitted"),
        "unit_opinion": ("承办单位意见", "Unit opinion"),
        "reviewed": ("已审核", "Reviewed"),
        "approved": ("已批准", "Approved"),
        "rejected": ("不予救助", "Rejected"),
        "disbursed": ("已发放", "Disbursed"),
        "notified": ("已告知", "Applicant notified"),
    },
)
register(
    "relief_action",
    ReliefAction,
    {
        "submit": ("提交申请", "Submit"),
        "unit_opinion": ("承办单位意见", "Give unit opinion"),
        "review": ("审核", "Review"),
        "approve": ("批准", "Approve"),
        "reject": ("不予救助", "Reject"),
        "disburse": ("登记发放", "Record disbursement"),
        "notify": ("登记告知", "Record notification"),
    },
)
