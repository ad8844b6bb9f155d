"""Rules of sight that follow from a caller's roles alone (the SQL scopes live per domain)."""

from __future__ import annotations

from anjie.access.principal import Principal
from anjie.access.roles import Role


def can_reveal_pii_of_case(principal: Principal, *, case_visible: bool, assigned: bool) -> bool:
    """Leaders and office of the owning subtree, or officers assigned to the case."""
    if principal.has_role(Role.leader, Role.office) and case_visible:
        return True
    return principal.has_role(Role.officer) and assigned
