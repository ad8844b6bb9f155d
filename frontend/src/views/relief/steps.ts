import type { components } from '@/api/schema'
import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

type S = components['schemas']
export type Step = S['Step']
export type ReliefAction = S['ReliefAction']
export type AllowedAction = S['AllowedAction']
export type Blocker = NonNullable<AllowedAction['blocked_by']>

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

/**
 * Which actions the caller may take is the server's answer (`allowed_actions`, computed by the
 * step machine its endpoints enforce): the web app only shows it. A blocked one is still listed,
 * with the problem code the endpoint would refuse it with, so the UI can say why.
 */
export interface HasActions {
  allowed_actions: readonly AllowedAction[]
}

/** Whether the caller can move the application on right now (the queue's "waiting for me"). */
export function waitsForMe(app: HasActions): boolean {
  return app.allowed_actions.some((a) => a.blocked_by === null)
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
