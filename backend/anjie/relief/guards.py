"""The relief step machine as data: which action leaves which step, which permission it needs,
and what refuses it to a caller whose role and the step would allow it.

The step endpoints are guarded by these permissions and `workflow.py` enforces these steps and
blockers; `allowed_actions` reads the same table for each application's output, so what the web
app offers and what the endpoints accept cannot drift apart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.errors import Conflict
from anjie.relief.errors import ReliefAlreadyGranted, ReliefFourEyes, ReliefStepInvalid
from anjie.relief.models import ReliefAction, ReliefApplication, Step
from anjie.relief.schemas import AllowedAction, Blocker


@dataclass(frozen=True)
class Move:
    sources: frozenset[Step]
    # Where the action leads; an exceptional first approval leaves the application `reviewed`.
    target: Step
    permission: Permission


MOVES: dict[ReliefAction, Move] = {
    ReliefAction.submit: Move(frozenset({Step.draft}), Step.submitted, Permission.relief_write),
    ReliefAction.unit_opinion: Move(
        frozenset({Step.submitted}), Step.unit_opinion, Permission.relief_review
    ),
    ReliefAction.review: Move(
        frozenset({Step.unit_opinion}), Step.reviewed, Permission.relief_review
    ),
    ReliefAction.approve: Move(
        frozenset({Step.reviewed}), Step.approved, Permission.relief_approve
    ),
    # A leader may refuse before the whole chain has run: an ineligible application need not.
    ReliefAction.reject: Move(
        frozenset({Step.submitted, Step.unit_opinion, Step.reviewed}),
        Step.rejected,
        Permission.relief_approve,
    ),
    ReliefAction.disburse: Move(
        frozenset({Step.approved}), Step.disbursed, Permission.relief_review
    ),
    ReliefAction.notify: Move(frozenset({Step.disbursed}), Step.notified, Permission.relief_review),
}

# Each blocker is the problem its endpoint answers with, named by that problem's code.
BLOCKERS: dict[Blocker, type[Conflict]] = {
    "relief_four_eyes": ReliefFourEyes,
    "relief_already_granted": ReliefAlreadyGranted,
}


def deciders(app: ReliefApplication) -> set[uuid.UUID | None]:
    """Four eyes: who may not approve — the submitter, the reviewer and, for the second approval
    of an exceptional amount, the first approver."""
    return {app.submitted_by, app.reviewed_by, app.first_approver_id}


def blocker(
    principal: Principal,
    app: ReliefApplication,
    action: ReliefAction,
    *,
    granted_elsewhere: bool,
) -> Blocker | None:
    """What refuses `action` to the caller although the step allows it, in the order the endpoint
    checks; `granted_elsewhere`: another application of the applicant in this case was granted."""
    if action != ReliefAction.approve:
        return None
    if principal.id in deciders(app):
        return "relief_four_eyes"
    if granted_elsewhere:
        return "relief_already_granted"
    return None


def depends_on_grants(principal: Principal, app: ReliefApplication) -> bool:
    """Whether the caller's actions on `app` turn on a grant elsewhere in the case: only an
    approval the caller could otherwise give does, so only then is it worth a query."""
    move = MOVES[ReliefAction.approve]
    return (
        Step(app.step) in move.sources
        and principal.can(move.permission)
        and principal.id not in deciders(app)
    )


def check(
    principal: Principal,
    app: ReliefApplication,
    action: ReliefAction,
    *,
    granted_elsewhere: bool = False,
) -> None:
    """Refuse (409) an action the application's step or a blocker does not allow; the route has
    checked the permission already."""
    if Step(app.step) not in MOVES[action].sources:
        raise ReliefStepInvalid(app.step, action.value)
    refused = blocker(principal, app, action, granted_elsewhere=granted_elsewhere)
    if refused is not None:
        raise BLOCKERS[refused]()


def allowed_actions(
    principal: Principal, app: ReliefApplication, *, granted_elsewhere: bool
) -> list[AllowedAction]:
    """The actions the caller's permissions and the step allow now, in the machine's order, each
    with what still blocks it (null: the endpoint will take it, given a valid body)."""
    step = Step(app.step)
    return [
        AllowedAction(
            action=action,
            blocked_by=blocker(principal, app, action, granted_elsewhere=granted_elsewhere),
        )
        for action, move in MOVES.items()
        if step in move.sources and principal.can(move.permission)
    ]
