"""Relief applications as owners of attachments (hardship proofs, the signed commitment)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.relief import repository as repo
from anjie.relief.errors import ReliefNotFound


async def relief_application_case(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> uuid.UUID:
    """The application's case, or 404 when it does not exist or its case is out of sight."""
    app = await repo.get_visible(session, principal, application_id)
    if app is None:
        raise ReliefNotFound()
    return app.case_id
