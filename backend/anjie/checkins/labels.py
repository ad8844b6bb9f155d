"""Labels of the check-in (return visit) vocabulary, served by /meta/enums."""

from anjie.checkins.models import Attitude, VisitManner
from anjie.core.labels import register

register(
    "check_in_attitude",
    Attitude,
    {
        "satisfied": ("满意", "Satisfied"),
        "accepting": ("基本接受", "Accepting"),
        "dissatisfied": ("不满意", "Dissatisfied"),
        "still_petitioning": ("仍在信访", "Still petitioning"),
        "unreachable": ("未见到本人", "Not reached"),
    },
)
register(
    "visit_manner",
    VisitManner,
    {
        "in_person": ("当面回访", "In person"),
        "phone": ("电话回访", "By phone"),
        "other": ("其他方式", "Other"),
    },
)
