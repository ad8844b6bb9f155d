"""All SQL of resolution plans. Lists join the people they name in one query (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.plans.models import PlanStatus, PlanVersion
from anjie.users.models import User


def _joined() -> JoinedSelect:
    query = with_names(select(PlanVersion), PlanVersion.author_id, author_name=User.display_name)
    query = with_names(query, PlanVersion.submitted_by, submitted_by_name=User.display_name)
    return with_names(query, PlanVersion.decided_by, decided_by_name=User.display_name)


async def list_versions(session: AsyncSession, case_id: uuid.UUID) -> Sequence[JoinedRow]:
    query = _joined().where(PlanVersion.case_id == case_id).order_by(PlanVersion.version_no.desc())
    return (await session.execute(query)).all()


async def newest_joined(session: AsyncSession, case_id: uuid.UUID) -> JoinedRow | None:
    query = (
        _joined()
        .where(PlanVersion.case_id == case_id)
        .order_by(PlanVersion.version_no.desc())
        .limit(1)
    )
    return (await session.execute(query)).one_or_none()


async def newest(session: AsyncSession, case_id: uuid.UUID) -> PlanVersion | None:
    query = (
        select(PlanVersion)
        .where(PlanVersion.case_id == case_id)
        .order_by(PlanVersion.version_no.desc())
        .limit(1)
    )
    return (await session.scalars(query)).first()


async def in_force(session: AsyncSession, case_id: uuid.UUID) -> PlanVersion | None:
    """The newest approved version: what the case is worked by, even while a newer draft waits."""
    query = (
        select(PlanVersion)
        .where(PlanVersion.case_id == case_id, PlanVersion.status == PlanStatus.approved.value)
        .order_by(PlanVersion.version_no.desc())
        .limit(1)
    )
    return (await session.scalars(query)).first()
