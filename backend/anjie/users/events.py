"""Facts of the users domain."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.core.events import DomainEvent


@dataclass(frozen=True, kw_only=True)
class UserSessionsEnded(DomainEvent):
    """Every token of the user stops working: disabled, password reset or roles changed.
    Access tokens end by the bumped token version; the refresh tokens' owner revokes them."""

    name = "user.sessions_ended"
    user_id: uuid.UUID
