"""Which clocks exist and how long they run: the defaults, which a campaign may override per kind.

A rule's `amount` counts from its anchor date: the event's own day (registration, a status
change, a return visit), or a date the subject fixes (the census phase's end, the plan's time
limit, a relief step's due date, a notice's reply date), in which case the default amount is 0.
Escalation days are days past due: the first level goes to the case's responsible leader, the
next to the campaign office. Sources of each default: docs/domain.md, "Rules and where they come
from".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from anjie.core.calendar import DurationUnit
from anjie.supervision.models import DeadlineRule, SubjectType


class DeadlineRuleKind(StrEnum):
    census_report = "census_report"
    self_inspection = "self_inspection"
    plan_submission = "plan_submission"
    resolution = "resolution"
    return_visit = "return_visit"
    petition_acceptance = "petition_acceptance"
    petition_handling = "petition_handling"
    relief_step = "relief_step"
    relief_refusal_notice = "relief_refusal_notice"
    notice_reply = "notice_reply"


@dataclass(frozen=True)
class Rule:
    kind: DeadlineRuleKind
    subject: SubjectType
    anchor: str
    amount: int
    unit: DurationUnit
    reminder_lead_days: int
    escalation_days: tuple[int, ...]
    accountability_grace_days: int
    max_extension_days: int
    active: bool = True


CAL, WORK = DurationUnit.calendar_days, DurationUnit.working_days
_S = SubjectType
_K = DeadlineRuleKind

DEFAULTS: dict[DeadlineRuleKind, Rule] = {
    r.kind: r
    for r in (
        # 2010 plan, phase 2: the census data reported upward by the end of the phase.
        Rule(_K.census_report, _S.campaign, "census_phase_end", 0, CAL, 7, (0, 3), 7, 0),
        # 2010 plan, phase 4: the self-inspection report by its due date.
        Rule(
            _K.self_inspection,
            _S.campaign,
            "self_inspection_due",
            0,
            CAL,
            7,
            (0, 3),
            7,
            0,
        ),
        # Campaign rule: the plan (五定) submitted within 15 days of registration.
        Rule(_K.plan_submission, _S.case, "case.registered", 15, CAL, 3, (0, 3), 7, 15),
        # 定时限: resolved by the plan's time limit, never after the campaign's target.
        Rule(_K.resolution, _S.case, "plan.approved", 0, CAL, 7, (0, 3), 7, 30),
        # A return visit every 30 days while resolving, and after termination (follow-up care).
        Rule(_K.return_visit, _S.case, "case.status_changed", 30, CAL, 3, (0, 3), 7, 0),
        # 2022 Regulation: accept-or-not told within 15 days of receipt.
        Rule(
            _K.petition_acceptance,
            _S.case,
            "case.registered",
            15,
            CAL,
            3,
            (0, 3),
            7,
            0,
        ),
        # 2022 Regulation: handling opinion within 60 days, one extension of at most 30.
        Rule(
            _K.petition_handling,
            _S.case,
            "case.registered",
            60,
            CAL,
            7,
            (0, 3),
            7,
            30,
        ),
        # 2014 relief opinions: the running step's working-day clock.
        Rule(
            _K.relief_step,
            _S.relief_application,
            "relief.step_moved",
            0,
            WORK,
            2,
            (0, 2),
            5,
            0,
        ),
        # A refused applicant is told (and the refusal explained) within 2 working days.
        Rule(
            _K.relief_refusal_notice,
            _S.relief_application,
            "relief.step_moved",
            2,
            WORK,
            1,
            (0, 2),
            5,
            0,
        ),
        # A supervision notice's reply by the date it sets.
        Rule(
            _K.notice_reply,
            _S.supervision_notice,
            "notice.issued",
            0,
            CAL,
            1,
            (0, 2),
            5,
            0,
        ),
    )
}


def effective(kind: DeadlineRuleKind, override: DeadlineRule | None) -> Rule:
    """The default, with a campaign's own setting of it when there is one."""
    rule = DEFAULTS[kind]
    if override is None:
        return rule
    return replace(
        rule,
        active=override.active,
        amount=override.amount,
        unit=DurationUnit(override.unit),
        reminder_lead_days=override.reminder_lead_days,
        escalation_days=tuple(override.escalation_days),
        accountability_grace_days=override.accountability_grace_days,
        max_extension_days=override.max_extension_days,
    )
