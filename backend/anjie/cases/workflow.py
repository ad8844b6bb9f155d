"""The case status machine (docs/domain.md, "Case status"): explicit actions with guards.

Every action has the statuses it leaves from, the roles that may take it, and guards. The order
of refusals is: case not visible → 404; the caller's role may not take the action → 403; the
case's status does not allow it → 409 `transition_not_allowed`; a guard is unmet → 409 whose
`code` (and `guard`) names the first unmet guard, with `unmet_guards` listing all of them.

The same evaluation feeds `GET …/transitions`, so the SPA can show each possible action with the
guards still in its way. A guard that only the request can satisfy (an outcome, a police organ)
is reported there with `met: null` and the request `fields` that satisfy it.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession

import anjie.cases.labels  # noqa: F401 - registers the case vocabulary used for labels
from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.audit import service as audit
from anjie.campaigns.service import current_phase
from anjie.cases import ports
from anjie.cases import repository as repo
from anjie.cases.access import get_visible_case
from anjie.cases.enums import CaseAction, CaseStatus, OutcomeKind
from anjie.cases.events import CaseReopened, CaseStatusChanged
from anjie.cases.guards import GUARDS, RULES, Facts, Rule
from anjie.cases.models import Case
from anjie.cases.workflow_schemas import ActionState, CaseTransitions, GuardState, TransitionIn
from anjie.core import clock
from anjie.core.concurrency import check_version
from anjie.core.errors import Conflict, Forbidden
from anjie.core.events import publish
from anjie.core.i18n import Lang
from anjie.core.labels import label


class TransitionNotAllowed(Conflict):
    code = "transition_not_allowed"
    message_zh = "案件当前状态为“{status_zh}”，不能执行“{action_zh}”"
    message_en = "A case in status “{status_en}” cannot take the action “{action_en}”"

    def __init__(self, status: CaseStatus, action: CaseAction) -> None:
        self.status_value, self.action_value = status.value, action.value
        super().__init__(
            status_zh=label("case_status", status, "zh-CN"),
            status_en=label("case_status", status, "en"),
            action_zh=label("case_action", action, "zh-CN"),
            action_en=label("case_action", action, "en"),
        )

    def extra(self) -> dict[str, Any]:
        # Not "status": that member is the HTTP status of the problem.
        return {"case_status": self.status_value, "action": self.action_value}


class ActionForbidden(Forbidden):
    code = "action_forbidden"
    message_zh = "您的角色不能对本案执行“{action_zh}”"
    message_en = "Your role may not take the action “{action_en}” on this case"

    def __init__(self, action: CaseAction) -> None:
        super().__init__(
            action_zh=label("case_action", action, "zh-CN"),
            action_en=label("case_action", action, "en"),
        )


class GuardNotMet(Conflict):
    """Base of the per-guard errors below: `code` is the guard's name."""

    def __init__(self, action: CaseAction, unmet: list[str]) -> None:
        self.action, self.unmet = action, unmet
        super().__init__(GUARDS[unmet[0]].en)

    def detail(self, lang: Lang) -> str:
        if lang == "zh-CN":
            return "；".join(GUARDS[g].zh for g in self.unmet)
        return "; ".join(GUARDS[g].en for g in self.unmet)

    def extra(self) -> dict[str, Any]:
        return {"guard": self.unmet[0], "unmet_guards": self.unmet, "action": self.action.value}


# One subclass per guard, so the problem's stable `code` is the guard's own name.
GUARD_ERRORS: dict[str, type[GuardNotMet]] = {
    g.name: cast(
        type[GuardNotMet],
        type(f"GuardNotMet_{g.name}", (GuardNotMet,), {"code": g.name}),
    )
    for g in GUARDS.values()
}


# ---- facts ----------------------------------------------------------------------------------


async def load_facts(session: AsyncSession, principal: Principal, case: Case) -> Facts:
    pairs = await ports.responsibility().active_pairs(session, case.id)
    campaign = await repo.campaign_with_phases(session, case.campaign_id)
    return Facts(
        case=case,
        principal=principal,
        roles_held=frozenset(role for role, _ in pairs),
        caller_assigned=any(user_id == principal.id for _, user_id in pairs),
        plan_ready=await ports.plan_ready()(session, case.id),
        re_reviewed=await repo.re_reviewed(session, case.id),
        phase=current_phase(campaign, clock.today()) if campaign else None,
        return_visit_confirms=await ports.return_visit_confirms()(session, case.id),
    )


# ---- the machine ----------------------------------------------------------------------------


def may_take(rule: Rule, facts: Facts) -> bool:
    if facts.principal.has_role(*rule.roles):
        return True
    return (
        rule.assigned_officers and facts.principal.has_role(Role.officer) and facts.caller_assigned
    )


def state_of(facts: Facts, lang: Lang) -> CaseTransitions:
    case = facts.case
    status = CaseStatus(case.status)
    actions: list[ActionState] = []
    for rule in RULES.values():
        if status not in rule.sources or not may_take(rule, facts):
            continue
        guards = [
            GuardState(
                guard=name,
                met=GUARDS[name].check(facts, None),
                fields=list(GUARDS[name].fields),
                detail=GUARDS[name].zh if lang == "zh-CN" else GUARDS[name].en,
            )
            for name in rule.guards
        ]
        unmet = [g.guard for g in guards if g.met is False]
        actions.append(
            ActionState(
                action=rule.action,
                label=label("case_action", rule.action, lang),
                target=rule.target,
                ready=not unmet,
                unmet_guards=unmet,
                guards=guards,
            )
        )
    return CaseTransitions(
        case_id=case.id,
        status=status,
        status_label=label("case_status", status, lang),
        version=case.version,
        status_changed_at=case.status_changed_at,
        actions=actions,
    )


async def available(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, lang: Lang
) -> CaseTransitions:
    case = await get_visible_case(session, principal, case_id)
    return state_of(await load_facts(session, principal, case), lang)


_TRACKED = (
    "outcome_kind",
    "outcome_note",
    "commitment_signed",
    "commitment_signed_on",
    "termination_basis",
    "termination_decided_by",
    "police_organ",
    "reopen_count",
)


def _apply(case: Case, principal: Principal, data: TransitionIn) -> None:
    """The action's side effects beyond the status."""
    if data.action == CaseAction.resolve:
        case.outcome_kind = data.outcome_kind.value if data.outcome_kind else None
        case.outcome_note = data.outcome_note or None
        if data.commitment_signed and not case.commitment_signed:
            case.commitment_signed = True
            case.commitment_signed_on = data.commitment_signed_on or clock.today()
    elif data.action == CaseAction.terminate:
        case.outcome_kind = OutcomeKind.terminated.value
        case.outcome_note = data.outcome_note or None
        if data.termination_basis and data.termination_basis.strip():
            case.termination_basis = data.termination_basis
        case.termination_decided_by = principal.id
    elif data.action == CaseAction.refer:
        case.police_organ = data.police_organ or case.police_organ
        if data.outcome_note:
            case.outcome_note = data.outcome_note
    elif data.action == CaseAction.reopen:
        # The petitioner resumed: the earlier outcome and commitment no longer hold.
        case.reopen_count += 1
        case.outcome_kind = case.outcome_note = None
        case.commitment_signed, case.commitment_signed_on = False, None
        case.termination_decided_by = None


async def transition(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    data: TransitionIn,
    lang: Lang,
    expected_version: int | None = None,
) -> CaseTransitions:
    # The row lock makes check-then-act safe: two concurrent actions on one case serialise.
    case = await get_visible_case(session, principal, case_id, for_update=True)
    if expected_version is not None:
        check_version(expected_version, case.version)
    rule = RULES[data.action]
    facts = await load_facts(session, principal, case)
    if not may_take(rule, facts):
        raise ActionForbidden(rule.action)
    status = CaseStatus(case.status)
    if status not in rule.sources:
        raise TransitionNotAllowed(status, rule.action)
    unmet = [name for name in rule.guards if GUARDS[name].check(facts, data) is not True]
    if unmet:
        raise GUARD_ERRORS[unmet[0]](rule.action, unmet)

    old = {name: getattr(case, name) for name in _TRACKED}
    _apply(case, principal, data)
    changed = [name for name in _TRACKED if getattr(case, name) != old[name]]
    now = clock.now()
    case.status = rule.target.value
    case.status_changed_at = now
    await session.flush()
    await audit.record_on_case(
        session,
        principal,
        "case.transition",
        entity_type="case",
        entity_id=case.id,
        case=case,
        reason=data.reason,
        before={"status": status.value, **{name: old[name] for name in changed}},
        after={
            "status": case.status,
            "action": rule.action.value,
            **{name: getattr(case, name) for name in changed},
        },
    )
    fact: dict[str, Any] = dict(
        case_id=case.id,
        org_unit_id=case.org_unit_id,
        actor_id=principal.id,
        action=rule.action.value,
        from_status=status.value,
        to_status=case.status,
    )
    if rule.action == CaseAction.reopen:
        await publish(session, CaseReopened(**fact, reopen_count=case.reopen_count))
    else:
        await publish(session, CaseStatusChanged(**fact))
    return state_of(facts, lang)
