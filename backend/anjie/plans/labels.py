"""zh-CN / en labels of the plan vocabulary, served by /meta/enums."""

from anjie.core.labels import register
from anjie.plans.models import Measure, PlanStatus

register(
    "measure",
    Measure,
    {
        "peoples_mediation": ("人民调解", "People's mediation"),
        "grand_mediation": ("大调解", "Grand mediation"),
        "public_hearing": ("公开听证", "Public hearing"),
        "lawyer_participation": ("律师参与", "Lawyer participation"),
        "expert_consultation": ("专家会诊", "Expert consultation"),
        "relief": ("帮扶救助", "Assistance and relief"),
        "counselling": ("疏导教育", "Counselling and education"),
        "correction": ("纠错", "Correction"),
        "legal_handling": ("依法处理", "Handled by law"),
    },
)
register(
    "plan_status",
    PlanStatus,
    {
        "draft": ("草稿", "Draft"),
        "submitted": ("已提交", "Submitted"),
        "approved": ("已批准", "Approved"),
        "returned": ("已退回", "Returned"),
    },
)
