import type { components } from '@/api/schema'
import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

type S = components['schemas']
export type Step = S['Step']
export type ReliefAction = 'submit' | 'unit_opinion' | 'review' | 'approve' | 'reject' | 'disburse' | 'notify'

/** The backend's state machine (relief/steps.py): which actions each step allows. */
export const STEP_ACTIONS: Readonly<Record<Step, readonly ReliefAction[]>> = {
  draft: ['submit'],
  submitted: ['unit_opinion', 'reject'],
  unit_opinion: ['review', 'reject'],
  reviewed: ['approve', 'reject'],
  approved: ['disburse'],
  rejected: [],
  disbursed: ['notify'],
  notified: [],
}

/** Who holds the permission each action's endpoint requires (auth/permissions.py). */
export const ACTION_ROLES: Readonly<Record<ReliefAction, readonly Role[]>> = {
  submit: rolesWith('relief:write'),
  unit_opinion: rolesWith('relief:review'),
  review: rolesWith('relief:review'),
  disburse: rolesWith('relief:review'),
  notify: rolesWith('relief:review'),
  approve: rolesWith('relief:approve'),
  reject: rolesWith('relief:approve'),
}

/** Roles that may draft an application (relief:write). */
export const APPLY_ROLES: readonly Role[] = rolesWith('relief:write')

/** The steps in their normal order, for the queue's filter and the progress bar. */
export const STEP_ORDER: readonly Step[] = [
  'draft',
  'submitted',
  'unit_opinion',
  'reviewed',
  'approved',
  'disbursed',
  'notified',
  'rejected',
]

export interface ReliefLike {
  step: Step
  awaiting_second_approval: boolean
  history: ReadonlyArray<{ action: string; actor: { id: string } | null }>
}

function lastActor(app: ReliefLike, action: string): string | null {
  for (let i = app.history.length - 1; i >= 0; i--) {
    const entry = app.history[i]!
    if (entry.action === action) return entry.actor?.id ?? null
  }
  return null
}

/**
 * Four eyes: the approver is neither the submitter nor the reviewer, and a second (exceptional)
 * approval comes from a leader other than the first approver.
 */
export function approvalDeciders(app: ReliefLike): Set<string> {
  const ids = [lastActor(app, 'submit'), lastActor(app, 'review')]
  if (app.awaiting_second_approval) ids.push(lastActor(app, 'approve'))
  return new Set(ids.filter((id): id is string => id !== null))
}

export interface AvailableAction {
  action: ReliefAction
  /** Why the user may not take it although their role could: shown on a disabled button. */
  blocked: 'four_eyes' | null
}

/** The actions to show for an application: allowed at its step and by one of the user's roles. */
export function availableActions(
  app: ReliefLike,
  can: (roles: readonly Role[]) => boolean,
  userId: string | null,
): AvailableAction[] {
  return STEP_ACTIONS[app.step]
    .filter((action) => can(ACTION_ROLES[action]))
    .map((action) => ({
      action,
      blocked: action === 'approve' && userId !== null && approvalDeciders(app).has(userId) ? 'four_eyes' : null,
    }))
}

export interface QueueItem {
  overdue: boolean
  due_at: string | null
  created_at: string
}

/** Overdue first, then by due date (none last), then oldest first. */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  if (a.due_at !== b.due_at) {
    if (a.due_at === null) return 1
    if (b.due_at === null) return -1
    return Date.parse(a.due_at) - Date.parse(b.due_at)
  }
  return Date.parse(a.created_at) - Date.parse(b.created_at)
}
