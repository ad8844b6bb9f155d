"""All SQL of resolution plans. Lists join the people they name in one query (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from anjie.plans.models import PlanStatus, PlanVersion
from anjie.users.models import User

# Rows of an entity and the names it refers to (outer joins: any name may be None).
JoinedSelect = Select[*tuple[Any, ...]]
JoinedRow = Row[*tuple[Any, ...]]

_author = aliased(User, name="author")
_submitter = aliased(User, name="submitter")
_decider = aliased(User, name="decider")


def _joined() -> JoinedSelect:
    return (
        select(
            PlanVersion,
            _author.display_name.label("author_name"),
            _submitter.display_name.label("submitted_by_name"),
            _decider.display_name.label("decided_by_name"),
        )
        .outerjoin(_author, _author.id == PlanVersion.author_id)
        .outerjoin(_submitter, _submitter.id == PlanVersion.submitted_by)
        .outerjoin(_decider, _decider.id == PlanVersion.decided_by)
    )


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
