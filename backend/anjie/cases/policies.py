"""Which cases a caller may see and work, as SQL predicates (outside them the answer is 404)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists

from anjie.assignments.models import Assignment
from anjie.auth.principal import Principal
from anjie.cases.models import Case
from anjie.orgs.models import OrgUnit
from anjie.users.models import Role

# Roles that see every case of their unit's subtree; officers see only their own cases.
SUBTREE_ROLES = (Role.leader, Role.office, Role.observer)


def in_subtree(principal: Principal) -> ColumnElement[bool]:
    return exists().where(
        OrgUnit.id == Case.org_unit_id,
        OrgUnit.path.startswith(principal.org_path, autoescape=True),
    )


def assigned_to(principal: Principal) -> ColumnElement[bool]:
    return exists().where(
        Assignment.case_id == Case.id,
        Assignment.user_id == principal.id,
        Assignment.ended_at.is_(None),
    )


def visible_cases(principal: Principal) -> ColumnElement[bool]:
    if principal.has_role(*SUBTREE_ROLES):
        return in_subtree(principal)
    # An officer in a judicial office works bureau cases: the assignment itself grants sight
    # (whoever assigned them could see the case, so scope was checked then).
    return assigned_to(principal)


def can_reveal_pii_of_case(principal: Principal, *, case_visible: bool, assigned: bool) -> bool:
    """Leaders and office of the owning subtree, or officers assigned to the case."""
    if principal.has_role(Role.leader, Role.office) and case_visible:
        return True
    return principal.has_role(Role.officer) and assigned
