"""What the plans domain answers for the packages below it (wired in anjie.wiring)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.plans import repository
from anjie.plans.service import missing_fixes


async def plan_ready(session: AsyncSession, case_id: uuid.UUID) -> bool:
    """Fills `cases.ports.plan_ready`: the plan in force has all five fixes."""
    plan = await repository.in_force(session, case_id)
    return plan is not None and not missing_fixes(plan)
