"""What each role may do. Routes declare one permission; object rules live in policies.py."""

from __future__ import annotations

from enum import StrEnum

from anjie.access.roles import Role


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
    campaigns_read = "campaigns:read"
    campaigns_write = "campaigns:write"
    petitioners_read = "petitioners:read"
    petitioners_write = "petitioners:write"
    pii_reveal = "pii:reveal"
    cases_read = "cases:read"
    cases_create = "cases:create"
    cases_write = "cases:write"
    cases_transition = "cases:transition"
    assignments_write = "assignments:write"
    plans_write = "plans:write"
    plans_approve = "plans:approve"
    hearings_write = "hearings:write"
    relief_write = "relief:write"
    relief_review = "relief:review"
    relief_approve = "relief:approve"
    checkins_write = "checkins:write"
    attachments_write = "attachments:write"
    reference_write = "reference:write"
    deadlines_read = "deadlines:read"
    deadlines_write = "deadlines:write"
    deadlines_approve = "deadlines:approve"
    notices_read = "notices:read"
    notices_write = "notices:write"
    notices_reply = "notices:reply"
    accountability_read = "accountability:read"
    accountability_write = "accountability:write"
    accountability_decide = "accountability:decide"


_EVERYONE = {
    Permission.self_read,
    Permission.self_write,
    Permission.orgs_read,
    Permission.meta_read,
    Permission.calendar_read,
    Permission.campaigns_read,
}
# Case work. Which cases a caller sees is decided in SQL (cases/policies.py): officers only
# those they are assigned to, the others their unit's subtree.
_CASE_READ = {
    Permission.cases_read,
    Permission.petitioners_read,
    Permission.deadlines_read,
    Permission.notices_read,
    Permission.accountability_read,
}
_CASE_WORK = _CASE_READ | {
    Permission.cases_write,
    Permission.cases_transition,
    Permission.plans_write,
    Permission.pii_reveal,
    Permission.hearings_write,
    Permission.relief_write,
    Permission.checkins_write,
    Permission.attachments_write,
    Permission.notices_reply,
}
_CASE_MANAGE = _CASE_WORK | {
    Permission.cases_create,
    Permission.petitioners_write,
    Permission.assignments_write,
    Permission.deadlines_write,
    Permission.notices_write,
    Permission.accountability_write,
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
            Permission.campaigns_write,
            Permission.reference_write,
        }
    ),
    Role.leader: frozenset(
        _EVERYONE
        | _CASE_MANAGE
        | {
            Permission.users_read,
            Permission.audit_read,
            Permission.plans_approve,
            Permission.relief_review,
            Permission.relief_approve,
            Permission.deadlines_approve,
            Permission.accountability_decide,
        }
    ),
    Role.office: frozenset(
        _EVERYONE
        | _CASE_MANAGE
        | {Permission.users_read, Permission.campaigns_write, Permission.relief_review}
    ),
    Role.officer: frozenset(_EVERYONE | _CASE_WORK),
    # Read-only, PII masked: no reveal.
    Role.observer: frozenset(
        _EVERYONE | _CASE_READ | {Permission.users_read, Permission.audit_read}
    ),
}


def permissions_for(roles: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        if role in Role.__members__:
            granted |= ROLE_PERMISSIONS[Role(role)]
    return frozenset(granted)
