import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'
import type { ClockAction, DeadlineOut } from './deadlines.api'

export const CLOCK_ACTIONS: readonly ClockAction[] = ['pause', 'resume', 'meet', 'extend', 'waive']

/** deadlines:write keeps a clock (pause, resume, met); deadlines:approve grants an extension or waives it. */
export const CLOCK_WRITERS: Role[] = rolesWith('deadlines:write')
export const CLOCK_APPROVERS: Role[] = rolesWith('deadlines:approve')
export const DEADLINE_READERS: Role[] = rolesWith('deadlines:read')

export const rolesFor = (action: ClockAction): Role[] => (action === 'extend' || action === 'waive' ? CLOCK_APPROVERS : CLOCK_WRITERS)

/** What the action asks for in its dialog: a reason for all but "met", which takes an optional note. */
export const needsReason = (action: ClockAction): boolean => action !== 'meet'
export const needsDays = (action: ClockAction): boolean => action === 'extend'

/**
 * The actions a clock allows in its state (docs/domain.md 1.15: paused days push the last day
 * back; one extension). The server decides; this only hides buttons that could never succeed.
 */
export function allowedActions(d: Pick<DeadlineOut, 'status' | 'paused' | 'extension_days'>): ClockAction[] {
  if (d.status !== 'open' && d.status !== 'overdue') return []
  if (d.paused) return ['resume', 'meet', 'waive']
  const out: ClockAction[] = ['pause', 'meet']
  if (d.extension_days === null) out.push('extend')
  out.push('waive')
  return out
}

/** The tag type of a clock's state: red when overdue, grey when paused or closed. */
export function statusTone(d: Pick<DeadlineOut, 'status' | 'overdue' | 'paused'>): 'danger' | 'info' | 'success' | 'warning' | 'primary' {
  if (d.overdue || d.status === 'overdue') return 'danger'
  if (d.paused) return 'info'
  if (d.status === 'met') return 'success'
  if (d.status === 'met_late') return 'warning'
  if (d.status === 'waived') return 'info'
  return 'primary'
}

/** notices:write issues, closes and returns notices; notices:reply answers them; notices:read reads them. */
export const NOTICE_WRITERS: Role[] = rolesWith('notices:write')
export const NOTICE_REPLIERS: Role[] = rolesWith('notices:reply')
export const NOTICE_READERS: Role[] = rolesWith('notices:read')
export const ACCOUNTABILITY_READERS: Role[] = rolesWith('accountability:read')
export const ACCOUNTABILITY_DECIDERS: Role[] = rolesWith('accountability:decide')
