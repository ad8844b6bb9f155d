"""Deadline rows → response bodies."""

from __future__ import annotations

from collections.abc import Sequence

from anjie.core import clock
from anjie.supervision.models import RUNNING, Deadline, DeadlineStep
from anjie.supervision.rules import Rule
from anjie.supervision.schemas import DeadlineDetail, DeadlineOut, DeadlineStepOut, RuleOut


def to_out(d: Deadline) -> DeadlineOut:
    return DeadlineOut(
        id=d.id,
        kind=d.kind,
        subject_type=d.subject_type,
        subject_id=d.subject_id,
        case_id=d.case_id,
        campaign_id=d.campaign_id,
        org_unit_id=d.org_unit_id,
        responsible_user_id=d.responsible_user_id,
        responsible_unit_id=d.responsible_unit_id,
        unit=d.unit,
        starts_on=d.starts_on,
        base_due_on=d.base_due_on,
        due_on=d.due_on,
        due_at=d.due_at,
        due_provisional=d.due_provisional,
        status=d.status,
        overdue=d.status in RUNNING and d.paused_at is None and d.due_at < clock.now(),
        paused=d.paused_at is not None,
        paused_at=d.paused_at,
        paused_days=d.paused_days,
        pause_reason=d.pause_reason,
        extension_days=d.extension_days,
        extension_reason=d.extension_reason,
        extended_by=d.extended_by,
        extended_at=d.extended_at,
        escalation_level=d.escalation_level,
        closed_at=d.closed_at,
        closed_by=d.closed_by,
        close_note=d.close_note,
        created_at=d.created_at,
        updated_at=d.updated_at,
        version=d.version,
    )


def to_detail(d: Deadline, steps: Sequence[DeadlineStep]) -> DeadlineDetail:
    return DeadlineDetail(
        **to_out(d).model_dump(),
        steps=[DeadlineStepOut(step=s.step, at=s.at) for s in steps],
    )


def rule_out(rule: Rule, overridden: bool) -> RuleOut:
    return RuleOut(
        kind=rule.kind,
        subject_type=rule.subject,
        anchor=rule.anchor,
        active=rule.active,
        amount=rule.amount,
        unit=rule.unit,
        reminder_lead_days=rule.reminder_lead_days,
        escalation_days=list(rule.escalation_days),
        accountability_grace_days=rule.accountability_grace_days,
        max_extension_days=rule.max_extension_days,
        overridden=overridden,
    )
