"""Which cases a caller may see and work, as SQL predicates (outside them the answer is 404)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists

from anjie.access.principal import Principal
from anjie.access.roles import SUBTREE_ROLES
from anjie.cases.models import Case
from anjie.cases.ports import responsibility
from anjie.orgs.models import OrgUnit


def in_subtree(principal: Principal) -> ColumnElement[bool]:
    return exists().where(
        OrgUnit.id == Case.org_unit_id,
        OrgUnit.path.startswith(principal.org_path, autoescape=True),
    )


def assigned_to(principal: Principal) -> ColumnElement[bool]:
    return responsibility().held(Case.id, principal.id)


def visible_cases(principal: Principal) -> ColumnElement[bool]:
    if principal.has_role(*SUBTREE_ROLES):
        return in_subtree(principal)
    # An officer in a judicial office works bureau cases: the assignment itself grants sight
    # (whoever assigned them could see the case, so scope was checked then).
    return assigned_to(principal)
