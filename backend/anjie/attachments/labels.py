"""Labels of the attachment vocabulary, served by /meta/enums."""

from anjie.attachments.owners import OwnerType
from anjie.core.labels import register

register(
    "attachment_owner_type",
    OwnerType,
    {
        "case": ("案件", "Case"),
        "hearing": ("听证（调解、会诊）", "Hearing"),
        "relief_application": ("司法救助申请", "Relief application"),
        "check_in": ("回访记录", "Return visit"),
        "supervision_reply": ("督办反馈", "Supervision notice reply"),
    },
)
