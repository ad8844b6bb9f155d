"""What each role may do. Routes declare one permission; object rules live in policies.py."""

from __future__ import annotations

from enum import StrEnum

from anjie.users.models import Role


class Permission(StrEnum):
    self_read = "self:read"
    self_write = "self:write"
    orgs_read = "orgs:read"
    orgs_write = "orgs:write"
    users_read = "users:read"
    users_write = "users:write"
    audit_read = "audit:read"
    audit_verify = "audit:verify"
    calendar_read = "calendar:read"
    calendar_write = "calendar:write"
    meta_read = "meta:read"


_EVERYONE = {
    Permission.self_read,
    Permission.self_write,
    Permission.orgs_read,
    Permission.meta_read,
    Permission.calendar_read,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # Accounts, units and reference data; no case PII.
    Role.admin: frozenset(
        _EVERYONE
        | {
            Permission.orgs_write,
            Permission.users_read,
            Permission.users_write,
            Permission.audit_read,
            Permission.audit_verify,
            Permission.calendar_write,
        }
    ),
    Role.leader: frozenset(_EVERYONE | {Permission.users_read, Permission.audit_read}),
    Role.office: frozenset(_EVERYONE | {Permission.users_read}),
    Role.officer: frozenset(_EVERYONE),
    Role.observer: frozenset(_EVERYONE | {Permission.users_read, Permission.audit_read}),
}


def permissions_for(roles: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        if role in Role.__members__:
            granted |= ROLE_PERMISSIONS[Role(role)]
    return frozenset(granted)
