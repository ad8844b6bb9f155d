"""The /api/v1 router: every domain's endpoints, in one place."""

from __future__ import annotations

from fastapi import APIRouter

from anjie.accountability.endpoints import router as accountability_router
from anjie.assignments.endpoints import router as assignments_router
from anjie.attachments.endpoints import router as attachments_router
from anjie.audit.endpoints import router as audit_router
from anjie.auth.endpoints import router as auth_router
from anjie.calendars.endpoints import router as calendar_router
from anjie.campaigns.endpoints import router as campaigns_router
from anjie.cases.endpoints import router as cases_router
from anjie.cases.workflow_endpoints import router as workflow_router
from anjie.checkins.endpoints import router as checkins_router
from anjie.hearings.endpoints import router as hearings_router
from anjie.meta.endpoints import router as meta_router
from anjie.notices.endpoints import router as notices_router
from anjie.notifications.endpoints import router as notifications_router
from anjie.orgs.endpoints import router as orgs_router
from anjie.petitioners.endpoints import router as petitioners_router
from anjie.plans.endpoints import router as plans_router
from anjie.relief.endpoints import router as relief_router
from anjie.reports.endpoints import router as reports_router
from anjie.supervision.endpoints import router as supervision_router
from anjie.users.endpoints import router as users_router

api_router = APIRouter(prefix="/api/v1")
for router in (
    auth_router,
    orgs_router,
    users_router,
    campaigns_router,
    petitioners_router,
    cases_router,
    workflow_router,
    assignments_router,
    plans_router,
    hearings_router,
    relief_router,
    checkins_router,
    attachments_router,
    supervision_router,
    notices_router,
    accountability_router,
    notifications_router,
    reports_router,
    audit_router,
    calendar_router,
    meta_router,
):
    api_router.include_router(router)
