"""What an attachment hangs on, and which case that object belongs to.

Each owning domain provides a resolver for its owner type, and the composition root
(`anjie.wiring`) registers it:

    async def attachment_owner(session, principal, hearing_id) -> uuid.UUID:
        hearing = ...  # loaded only if the principal may see it, else raise HearingNotFound()
        return hearing.case_id

    owners.register(OwnerType.hearing, hearings.service.attachment_owner)

A resolver answers "the case this owner belongs to", raising a 404 AppError when the owner does
not exist or is outside the caller's scope. Until a type is registered, uploads for it are 422
`owner_type_unavailable`; this package never imports the owning domains.

The registry is per process, but it is configuration filled at start-up — every API replica
builds the same one — not state that would have to be shared.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.attachments.errors import OwnerTypeUnavailable
from anjie.cases.access import get_visible_case


class OwnerType(StrEnum):
    case = "case"
    hearing = "hearing"
    relief_application = "relief_application"
    check_in = "check_in"
    supervision_reply = "supervision_reply"


OwnerResolver = Callable[[AsyncSession, Principal, uuid.UUID], Awaitable[uuid.UUID]]

_resolvers: dict[OwnerType, OwnerResolver] = {}


def register(owner_type: OwnerType | str, resolver: OwnerResolver) -> None:
    """Make `owner_type` attachable; `resolver(session, principal, owner_id)` returns the
    owner's case id or raises a 404 AppError. Registering the same resolver again is a no-op;
    a different one for a taken type is a programming error."""
    kind = OwnerType(owner_type)
    current = _resolvers.get(kind)
    if current is not None and current is not resolver:
        raise ValueError(f"an attachment owner resolver for {kind!s} is already registered")
    _resolvers[kind] = resolver


def is_registered(owner_type: OwnerType | str) -> bool:
    return OwnerType(owner_type) in _resolvers


def ensure_available(owner_type: OwnerType) -> None:
    if owner_type not in _resolvers:
        raise OwnerTypeUnavailable()


async def resolve(
    session: AsyncSession,
    principal: Principal,
    owner_type: OwnerType,
    owner_id: uuid.UUID,
) -> uuid.UUID:
    """The case id of the owner, or 404 when the caller may not see (or work) it."""
    ensure_available(owner_type)
    return await _resolvers[owner_type](session, principal, owner_id)


async def _case(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> uuid.UUID:
    # Officers see only the cases assigned to them: the same rule decides who may attach.
    return (await get_visible_case(session, principal, case_id)).id


register(OwnerType.case, _case)
