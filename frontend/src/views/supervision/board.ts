import { toShanghai } from '@/lib/shanghai'
import type { DeadlineOut } from './deadlines.api'
import { AWAITING_REPLY, type NoticeOut } from './notices.api'

export type Column = 'overdue' | 'due_soon' | 'escalated' | 'notices'
export const COLUMNS: readonly Column[] = ['overdue', 'due_soon', 'escalated', 'notices']

/** One card on the board: what it is, which case it belongs to, and when it falls due. */
export interface BoardItem {
  key: string
  case_id: string | null
  /** The deadline's kind, or null for a notice (which shows its number instead). */
  kind: DeadlineOut['kind'] | null
  number: string | null
  due_on: string
  overdue: boolean
  escalation_level: number
}

const DAY_MS = 86_400_000
/** "Due within three days" as the dashboard counts it: the last day is today or one of the next three. */
export const DUE_SOON_DAYS = 3

/** Whole Beijing calendar days from `now` to the date `day` (negative when past). */
export function daysUntil(day: string, now: Date = new Date()): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${toShanghai(now).date}T00:00:00Z`)) / DAY_MS)
}

const running = (d: DeadlineOut) => d.status === 'open' || d.status === 'overdue'

function fromDeadline(d: DeadlineOut): BoardItem {
  return {
    key: `d:${d.id}`,
    case_id: d.case_id,
    kind: d.kind,
    number: null,
    due_on: d.due_on,
    overdue: d.overdue,
    escalation_level: d.escalation_level,
  }
}

function fromNotice(n: NoticeOut, now: Date): BoardItem {
  return {
    key: `n:${n.id}`,
    case_id: n.case_id,
    kind: null,
    number: n.number,
    due_on: n.reply_due_on,
    overdue: daysUntil(n.reply_due_on, now) < 0,
    escalation_level: 0,
  }
}

/**
 * The supervision board's four columns. A deadline may sit in two (overdue and escalated — an
 * escalation is itself a consequence of being late); a paused clock is not "due soon", as its day
 * moves while it is paused. Each column is ordered by its last day, nearest first.
 */
export function byColumn(deadlines: readonly DeadlineOut[], notices: readonly NoticeOut[], now: Date = new Date()): Record<Column, BoardItem[]> {
  const columns: Record<Column, BoardItem[]> = { overdue: [], due_soon: [], escalated: [], notices: [] }
  for (const d of deadlines) {
    if (!running(d)) continue
    const item = fromDeadline(d)
    if (d.overdue) columns.overdue.push(item)
    else if (!d.paused && daysUntil(d.due_on, now) <= DUE_SOON_DAYS) columns.due_soon.push(item)
    if (d.escalation_level >= 1) columns.escalated.push(item)
  }
  for (const n of notices) if (AWAITING_REPLY.includes(n.status)) columns.notices.push(fromNotice(n, now))
  for (const c of COLUMNS) columns[c].sort((a, b) => a.due_on.localeCompare(b.due_on))
  return columns
}
