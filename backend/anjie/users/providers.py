"""What the users domain answers for the packages below it (wired in anjie.wiring)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.dependencies import Account
from anjie.users import repository as repo


async def account(session: AsyncSession, user_id: uuid.UUID) -> Account | None:
    """Fills `access.dependencies.accounts`: the token subject as the access layer checks it."""
    row = await repo.get_with_org_path(session, user_id)
    if row is None:
        return None
    user, org_path = row
    return Account(
        id=user.id,
        name=user.display_name,
        roles=tuple(user.roles),
        org_unit_id=user.org_unit_id,
        org_path=org_path,
        is_active=user.is_active,
        token_version=user.token_version,
    )


async def unit_has_members(session: AsyncSession, unit_id: uuid.UUID) -> bool:
    """Fills `orgs.service.unit_members`: a unit with accounts in it cannot be deleted."""
    return await repo.unit_has_members(session, unit_id)
