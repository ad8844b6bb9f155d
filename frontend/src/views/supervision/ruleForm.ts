import type { RuleIn, RuleOut } from './deadlines.api'

/** The edit dialog's fields; escalation days are two separate inputs (the leader, then the office). */
export interface RuleDraft {
  active: boolean
  amount: number
  unit: RuleIn['unit']
  reminder_lead_days: number
  escalate_leader: number | null
  escalate_office: number | null
  accountability_grace_days: number
  max_extension_days: number
}

export type RuleField = keyof RuleDraft
/** The limits RuleIn enforces (supervision/schemas.py), checked before sending. */
export const LIMITS = { amount: 3660, days: 366 } as const

export function draftOf(rule: RuleOut): RuleDraft {
  return {
    active: rule.active,
    amount: rule.amount,
    unit: rule.unit,
    reminder_lead_days: rule.reminder_lead_days,
    escalate_leader: rule.escalation_days[0] ?? null,
    escalate_office: rule.escalation_days[1] ?? null,
    accountability_grace_days: rule.accountability_grace_days,
    max_extension_days: rule.max_extension_days,
  }
}

const whole = (n: unknown, max: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max

/**
 * Field → message key of what is wrong, empty when the draft may be sent. The office is escalated
 * to after the leader, so its day comes later; a reminder before a period of zero days is no reminder.
 */
export function ruleProblems(d: RuleDraft): Partial<Record<RuleField, string>> {
  const out: Partial<Record<RuleField, string>> = {}
  if (!whole(d.amount, LIMITS.amount)) out.amount = 'range_amount'
  for (const f of ['reminder_lead_days', 'accountability_grace_days', 'max_extension_days'] as const) {
    if (!whole(d[f], LIMITS.days)) out[f] = 'range_days'
  }
  if (d.escalate_leader !== null && !whole(d.escalate_leader, LIMITS.days)) out.escalate_leader = 'range_days'
  if (d.escalate_office !== null) {
    if (!whole(d.escalate_office, LIMITS.days)) out.escalate_office = 'range_days'
    else if (d.escalate_leader === null) out.escalate_office = 'office_needs_leader'
    else if (d.escalate_office <= d.escalate_leader) out.escalate_office = 'office_after_leader'
  }
  if (!out.reminder_lead_days && !out.amount && d.amount > 0 && d.reminder_lead_days > d.amount) out.reminder_lead_days = 'lead_too_long'
  return out
}

export function ruleBody(d: RuleDraft): RuleIn {
  const escalation_days = [d.escalate_leader, d.escalate_office].filter((n): n is number => n !== null)
  return {
    active: d.active,
    amount: d.amount,
    unit: d.unit,
    reminder_lead_days: d.reminder_lead_days,
    escalation_days,
    accountability_grace_days: d.accountability_grace_days,
    max_extension_days: d.max_extension_days,
  }
}
