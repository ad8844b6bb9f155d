import type { DeadlineItem } from '@/views/dashboard/dashboard.api'

export type Column = 'overdue' | 'due_soon' | 'hearings'

/** Overdue first, then what falls due within three days, then the week's hearings. */
export function columnOf(item: DeadlineItem): Column {
  if (item.kind === 'hearing') return 'hearings'
  return item.overdue ? 'overdue' : 'due_soon'
}

export function byColumn(items: readonly DeadlineItem[]): Record<Column, DeadlineItem[]> {
  const columns: Record<Column, DeadlineItem[]> = { overdue: [], due_soon: [], hearings: [] }
  for (const item of items) columns[columnOf(item)].push(item)
  return columns
}
