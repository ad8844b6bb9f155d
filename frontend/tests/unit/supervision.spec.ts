import { describe, expect, it } from 'vitest'
import type { DeadlineItem } from '@/views/dashboard/dashboard.api'
import { daysFrom } from '@/views/dashboard/charts'
import { byColumn, columnOf } from '@/views/supervision/board'

function item(kind: DeadlineItem['kind'], overdue: boolean, ref_id: string): DeadlineItem {
  return {
    kind,
    overdue,
    ref_id,
    case_id: 'c',
    case_number: 'QX-1',
    case_title: '案',
    due_at: '2026-11-26T15:59:59Z',
    detail: null,
  }
}

describe('supervision board', () => {
  it('puts overdue steps and visits first, then the due-soon ones, hearings apart', () => {
    expect(columnOf(item('relief_step', true, 'a'))).toBe('overdue')
    expect(columnOf(item('return_visit', false, 'b'))).toBe('due_soon')
    expect(columnOf(item('hearing', false, 'c'))).toBe('hearings')
    const columns = byColumn([
      item('relief_step', true, 'a'),
      item('return_visit', true, 'b'),
      item('relief_step', false, 'c'),
      item('hearing', false, 'd'),
    ])
    expect(columns.overdue.map((i) => i.ref_id)).toEqual(['a', 'b'])
    expect(columns.due_soon.map((i) => i.ref_id)).toEqual(['c'])
    expect(columns.hearings.map((i) => i.ref_id)).toEqual(['d'])
  })

  it('counts days by Beijing dates', () => {
    const now = new Date('2026-11-26T06:00:00Z') // 14:00 on the 26th in Beijing
    expect(daysFrom('2026-11-26T15:59:59Z', now)).toBe(0) // 23:59:59 today
    expect(daysFrom('2026-11-25T15:59:59Z', now)).toBe(-1)
    expect(daysFrom('2026-11-26T16:30:00Z', now)).toBe(1) // already the 27th in Beijing
  })
})
