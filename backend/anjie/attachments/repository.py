"""All SQL of attachments. Every read joins the owning case and applies its visibility rule."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.attachments.models import Attachment
from anjie.cases.models import Case
from anjie.cases.policies import visible_cases
from anjie.core.repository import JoinedRow, JoinedSelect, with_names
from anjie.orgs.models import OrgUnit
from anjie.users.models import User

# (Attachment, uploaded_by_name)
AttachmentRow = JoinedRow


def _visible(principal: Principal) -> JoinedSelect:
    query = select(Attachment).join(Case, Case.id == Attachment.case_id)
    query = with_names(
        query, Attachment.uploaded_by, required=True, uploaded_by_name=User.display_name
    )
    return query.where(visible_cases(principal))


async def get_visible(
    session: AsyncSession, principal: Principal, attachment_id: uuid.UUID
) -> AttachmentRow | None:
    query = _visible(principal).where(Attachment.id == attachment_id)
    return (await session.execute(query)).one_or_none()


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    owner_type: str | None,
    owner_id: uuid.UUID | None,
    case_id: uuid.UUID | None,
    updated_after: datetime | None,
    after_id: uuid.UUID | None,
    limit: int,
) -> Sequence[AttachmentRow]:
    query = _visible(principal)
    if owner_type is not None:
        query = query.where(Attachment.owner_type == owner_type)
    if owner_id is not None:
        query = query.where(Attachment.owner_id == owner_id)
    if case_id is not None:
        query = query.where(Attachment.case_id == case_id)
    if updated_after is not None:
        # Attachments never change after upload: their upload time is their update time.
        query = query.where(Attachment.uploaded_at > updated_after)
    if after_id is not None:
        query = query.where(Attachment.id > after_id)
    return (await session.execute(query.order_by(Attachment.id).limit(limit))).all()


async def case_unit(session: AsyncSession, case_id: uuid.UUID) -> tuple[uuid.UUID, str]:
    """The owning unit of a case and its path, for scoping the audit event."""
    query = (
        select(Case.org_unit_id, OrgUnit.path)
        .join(OrgUnit, OrgUnit.id == Case.org_unit_id)
        .where(Case.id == case_id)
    )
    unit_id, path = (await session.execute(query)).one()
    return unit_id, path


async def add(session: AsyncSession, attachment: Attachment) -> None:
    session.add(attachment)
    await session.flush()
