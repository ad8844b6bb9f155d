"""Guards and rules of the case status machine: which action leaves which status, who may
take it, and what must hold first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import anjie.cases.labels  # noqa: F401 - registers the case vocabulary used for labels
from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.campaigns.models import Phase
from anjie.cases.enums import CaseAction, CaseStatus, OutcomeKind, RoleInCase
from anjie.cases.models import Case
from anjie.cases.workflow_schemas import TransitionIn

# ---- guards, rules and errors ---------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """Everything the guards look at, loaded once per request."""

    case: Case
    principal: Principal
    roles_held: frozenset[str]
    caller_assigned: bool
    plan_ready: bool
    re_reviewed: bool
    phase: Phase | None
    return_visit_confirms: bool


Check = Callable[[Facts, TransitionIn | None], bool | None]


def _text(value: str | None) -> bool:
    return bool(value and value.strip())


def _held(role: RoleInCase) -> Check:
    return lambda f, _: role.value in f.roles_held


def _input(satisfied: Callable[[TransitionIn], bool], already: Callable[[Facts], bool]) -> Check:
    """Met by the case already, else by the request; without a request: unknown (None)."""

    def check(f: Facts, body: TransitionIn | None) -> bool | None:
        if already(f):
            return True
        return None if body is None else satisfied(body)

    return check


@dataclass(frozen=True)
class Guard:
    name: str
    zh: str
    en: str
    check: Check
    fields: tuple[str, ...] = ()


_GUARD_LIST = [
    Guard(
        "cause_and_crux_recorded",
        "尚未填写信访原因和症结",
        "The cause and the crux of the case are not recorded",
        lambda f, _: _text(f.case.cause) and _text(f.case.crux),
    ),
    Guard(
        "responsible_leader_assigned",
        "尚未指定包案领导",
        "No responsible leader is assigned",
        _held(RoleInCase.responsible_leader),
    ),
    Guard(
        "responsible_department_assigned",
        "尚未指定责任部门",
        "No responsible department is assigned",
        _held(RoleInCase.responsible_department),
    ),
    Guard(
        "responsible_person_assigned",
        "尚未指定责任人",
        "No responsible person is assigned",
        _held(RoleInCase.responsible_person),
    ),
    Guard(
        "plan_approved_by_leader",
        "尚无经领导批准、“五定”齐全的化解方案",
        "No resolution plan with all five fixes has been approved by a leader",
        lambda f, _: f.plan_ready,
    ),
    Guard(
        "outcome_recorded",
        "须选择化解方式（依法终结请使用“终结”）",
        "Choose the outcome (termination is its own action)",
        _input(lambda b: b.outcome_kind not in (None, OutcomeKind.terminated), lambda f: False),
        ("outcome_kind",),
    ),
    Guard(
        "petitioning_stopped",
        "尚无息诉罢访承诺，也无回访确认",
        "No signed commitment to stop petitioning and no return visit confirming it",
        _input(
            lambda b: bool(b.commitment_signed),
            lambda f: f.case.commitment_signed or f.return_visit_confirms,
        ),
        ("commitment_signed",),
    ),
    Guard(
        "procedure_exhausted",
        "信访事项尚未经复核，也未写明终结依据",
        "The matter has not been through re-review and no termination basis is given",
        _input(lambda b: _text(b.termination_basis), lambda f: f.re_reviewed),
        ("termination_basis",),
    ),
    Guard(
        "leader_decision",
        "终结须由局领导决定",
        "Termination must be decided by a bureau leader",
        lambda f, _: f.principal.has_role(Role.leader),
    ),
    Guard(
        "referral_reason",
        "须写明移交理由",
        "Give the reason for the referral",
        _input(lambda b: _text(b.reason), lambda f: False),
        ("reason",),
    ),
    Guard(
        "police_organ_named",
        "须写明接收移交的公安机关",
        "Name the police organ the case is referred to",
        _input(lambda b: _text(b.police_organ), lambda f: _text(f.case.police_organ)),
        ("police_organ",),
    ),
    Guard(
        "summary_phase",
        "验收只能在专项活动的总结验收阶段进行",
        "Acceptance is possible only in the campaign's summary and acceptance phase",
        lambda f, _: f.phase == Phase.summary_acceptance,
    ),
]
GUARDS = {g.name: g for g in _GUARD_LIST}

_S = CaseStatus
_OFFICE_LEADER = frozenset({Role.office.value, Role.leader.value})


@dataclass(frozen=True)
class Rule:
    action: CaseAction
    sources: frozenset[CaseStatus]
    target: CaseStatus
    guards: tuple[str, ...] = ()
    roles: frozenset[str] = _OFFICE_LEADER
    # Officers take the action only on cases they hold an active assignment on.
    assigned_officers: bool = False


RULES: dict[CaseAction, Rule] = {
    r.action: r
    for r in (
        Rule(
            CaseAction.analyse,
            frozenset({_S.registered}),
            _S.analysed,
            (
                "cause_and_crux_recorded",
                "responsible_leader_assigned",
                "responsible_department_assigned",
                "responsible_person_assigned",
            ),
        ),
        Rule(
            CaseAction.approve_plan,
            frozenset({_S.analysed}),
            _S.plan_approved,
            ("plan_approved_by_leader",),
            roles=frozenset({Role.leader.value}),
        ),
        Rule(
            CaseAction.start_resolving,
            frozenset({_S.plan_approved}),
            _S.resolving,
            assigned_officers=True,
        ),
        Rule(
            CaseAction.resolve,
            frozenset({_S.resolving}),
            _S.resolved,
            ("outcome_recorded", "petitioning_stopped"),
        ),
        Rule(
            CaseAction.terminate,
            frozenset({_S.analysed, _S.plan_approved, _S.resolving}),
            _S.terminated,
            ("procedure_exhausted", "leader_decision"),
        ),
        Rule(
            CaseAction.refer,
            frozenset({_S.registered, _S.analysed, _S.plan_approved, _S.resolving}),
            _S.referred,
            ("referral_reason", "police_organ_named"),
        ),
        Rule(
            CaseAction.accept,
            frozenset({_S.resolved, _S.terminated, _S.referred}),
            _S.accepted,
            ("summary_phase",),
        ),
        # A petitioner resumed: back to work with the same people (assignments stay).
        Rule(
            CaseAction.reopen,
            frozenset({_S.resolved, _S.terminated, _S.referred, _S.accepted}),
            _S.resolving,
        ),
    )
}
