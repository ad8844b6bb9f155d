"""Labels of the hearing vocabulary, served by /meta/enums."""

from anjie.core.labels import register
from anjie.hearings.models import HearingKind, HearingStatus, ParticipantKind

register(
    "hearing_kind",
    HearingKind,
    {
        "public_hearing": ("公开听证", "Public hearing"),
        "mediation": ("调解", "Mediation"),
        "expert_consultation": ("专家会诊", "Expert consultation"),
        "lawyer_session": ("律师接待", "Lawyer session"),
        "leader_reception": ("领导接访", "Leader reception"),
    },
)
register(
    "hearing_status",
    HearingStatus,
    {
        "scheduled": ("已安排", "Scheduled"),
        "held": ("已举行", "Held"),
        "postponed": ("已延期", "Postponed"),
        "cancelled": ("已取消", "Cancelled"),
    },
)
register(
    "hearing_participant_kind",
    ParticipantKind,
    {
        "petitioner": ("信访人", "Petitioner"),
        "agent": ("代理人", "Agent"),
        "official": ("工作人员", "Official"),
        "lawyer": ("律师", "Lawyer"),
        "expert": ("专家", "Expert"),
        "peoples_deputy": ("人大代表", "People's deputy"),
        "cppcc_member": ("政协委员", "CPPCC member"),
        "representative": ("群众代表", "Representative"),
        "relative": ("亲属", "Relative"),
        "mediator": ("调解员", "Mediator"),
    },
)
