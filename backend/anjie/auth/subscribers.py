"""What the auth domain does when another domain's fact happens (wired in anjie.wiring)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.auth import service
from anjie.users.events import UserSessionsEnded


async def revoke_refresh_tokens(session: AsyncSession, event: UserSessionsEnded) -> None:
    # The bumped token version already refuses the access tokens; a refresh token is checked
    # against its own row, so the rows are revoked too.
    await service.revoke_all_refresh_tokens(session, event.user_id)
