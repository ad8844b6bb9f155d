"""Imports every domain's ORM models so the metadata is complete (migrations, checks)."""

from anjie.accountability.models import AccountabilityRecord
from anjie.assignments.models import Assignment
from anjie.attachments.models import Attachment
from anjie.audit.models import AuditEvent
from anjie.auth.models import LoginAttempt, RefreshToken
from anjie.calendars.models import CalendarDay, CalendarYear
from anjie.campaigns.models import Campaign, CampaignPhase
from anjie.cases.models import (
    Case,
    CaseNumberCounter,
    CasePetitioner,
    CaseProcedure,
    CaseReceivingOrgan,
)
from anjie.checkins.models import CheckIn, CheckInOfficer
from anjie.core.db import Base
from anjie.hearings.models import CalendarToken, Hearing, HearingParticipant
from anjie.idempotency.models import IdempotencyRecord
from anjie.notices.models import SupervisionNotice, SupervisionNoticeCounter, SupervisionReply
from anjie.notifications.models import Notification
from anjie.orgs.models import OrgUnit
from anjie.petitioners.models import Petitioner
from anjie.plans.models import PlanVersion
from anjie.relief.models import ReliefApplication, ReliefStepEntry, ReliefWageStandard
from anjie.supervision.models import Deadline, DeadlineRule, DeadlineStep
from anjie.users.models import User

__all__ = [
    "AccountabilityRecord",
    "Assignment",
    "Attachment",
    "AuditEvent",
    "Base",
    "CalendarDay",
    "CalendarToken",
    "CalendarYear",
    "Campaign",
    "CampaignPhase",
    "Case",
    "CaseNumberCounter",
    "CasePetitioner",
    "CaseProcedure",
    "CaseReceivingOrgan",
    "CheckIn",
    "CheckInOfficer",
    "Deadline",
    "DeadlineRule",
    "DeadlineStep",
    "Hearing",
    "HearingParticipant",
    "IdempotencyRecord",
    "LoginAttempt",
    "Notification",
    "OrgUnit",
    "Petitioner",
    "PlanVersion",
    "RefreshToken",
    "ReliefApplication",
    "ReliefStepEntry",
    "ReliefWageStandard",
    "SupervisionNotice",
    "SupervisionNoticeCounter",
    "SupervisionReply",
    "User",
]
