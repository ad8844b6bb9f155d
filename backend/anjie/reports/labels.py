"""Labels of the dashboard's deadline kinds, served by /meta/enums."""

from anjie.core.labels import register
from anjie.reports.schemas import DeadlineKind

register(
    "deadline_kind",
    DeadlineKind,
    {
        "relief_step": ("司法救助", "Judicial relief"),
        "return_visit": ("回访", "Return visit"),
        "hearing": ("听证", "Hearing"),
    },
)
