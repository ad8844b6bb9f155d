"""zh-CN / en labels of the accountability vocabulary, served by /meta/enums."""

from anjie.accountability.models import AccountabilityDecision, AccountabilityStatus
from anjie.core.labels import register

register(
    "accountability_status",
    AccountabilityStatus,
    {
        "open": ("待决定", "Open"),
        "decided": ("已决定", "Decided"),
    },
)
register(
    "accountability_decision",
    AccountabilityDecision,
    {
        "none": ("不予追究", "No action"),
        "talk": ("约谈", "Admonitory talk"),
        "circulated_criticism": ("通报批评", "Circulated criticism"),
        "referral": ("移送处理", "Referred for handling"),
    },
)
