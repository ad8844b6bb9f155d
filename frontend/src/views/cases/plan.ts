import type { CaseStatus, Role } from '@/api/types'
import type { PlanOut } from './plan.api'
import { PLAN_APPROVE_ROLES, PLAN_WRITE_ROLES } from './permissions'

/** Closed cases are not re-planned (backend plans/service.CLOSED); reopening makes them plannable. */
export const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['resolved', 'terminated', 'referred', 'accepted'])

export const FIXES = ['personnel', 'measures', 'time_limit', 'requirements', 'expected_effect'] as const
export type Fix = (typeof FIXES)[number]

export interface PlanActions {
  edit: boolean
  submit: boolean
  approve: boolean
  return: boolean
  /** Why the plan cannot be edited now, as an i18n key (null when it can, or the role cannot). */
  blockedKey: string | null
  /** The caller wrote the submitted version: four eyes forbid approving it. */
  ownPlan: boolean
}

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => wanted.some((r) => roles.includes(r))

/**
 * What the caller may do with the case's plan, mirroring backend/anjie/plans/service.py:
 * a submitted plan is frozen until decided; only a draft is submitted, and only when all five
 * fixes are there; a leader other than the author approves; any approver may return it.
 */
export function planActions(plan: PlanOut | null, status: CaseStatus, me: { id: string; roles: readonly Role[] } | null): PlanActions {
  const roles = me?.roles ?? []
  const writer = hasAny(roles, PLAN_WRITE_ROLES)
  const approver = hasAny(roles, PLAN_APPROVE_ROLES)
  const closed = CLOSED_STATUSES.has(status)
  const submitted = plan?.status === 'submitted'
  const ownPlan = submitted && plan?.author?.id === me?.id
  let blockedKey: string | null = null
  if (writer && closed) blockedKey = 'cases.plan.closed'
  else if (writer && submitted) blockedKey = 'cases.plan.frozen'
  return {
    edit: writer && !closed && !submitted,
    submit: writer && !closed && plan?.status === 'draft' && plan.missing_fixes.length === 0,
    approve: approver && !closed && submitted && !ownPlan,
    return: approver && !closed && submitted,
    blockedKey,
    ownPlan: approver && ownPlan,
  }
}
