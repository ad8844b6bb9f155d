"""Imports every domain's ORM models so the metadata is complete (migrations, checks)."""

from anjie.audit.models import AuditEvent
from anjie.auth.models import LoginAttempt, RefreshToken
from anjie.calendars.models import CalendarDay, CalendarYear
from anjie.core.db import Base
from anjie.orgs.models import OrgUnit
from anjie.users.models import User

__all__ = [
    "AuditEvent",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "LoginAttempt",
    "OrgUnit",
    "RefreshToken",
    "User",
]
