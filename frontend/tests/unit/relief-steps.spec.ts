import { describe, expect, it } from 'vitest'
import type { Role } from '@/api/types'
import { approvalDeciders, availableActions, queueOrder, STEP_ACTIONS, type ReliefLike, type Step } from '@/views/relief/steps'

const as = (...roles: Role[]) => (wanted: readonly Role[]) => wanted.some((r) => roles.includes(r))
const app = (step: Step, history: ReliefLike['history'] = [], awaiting = false): ReliefLike => ({
  step,
  history,
  awaiting_second_approval: awaiting,
})
const entry = (action: string, actor: string | null) => ({ action, actor: actor ? { id: actor } : null })
const names = (list: ReturnType<typeof availableActions>) => list.map((a) => a.action)

describe('relief step → actions', () => {
  it('follows the backend state machine', () => {
    expect(STEP_ACTIONS.draft).toEqual(['submit'])
    expect(STEP_ACTIONS.submitted).toEqual(['unit_opinion', 'reject'])
    expect(STEP_ACTIONS.unit_opinion).toEqual(['review', 'reject'])
    expect(STEP_ACTIONS.reviewed).toEqual(['approve', 'reject'])
    expect(STEP_ACTIONS.approved).toEqual(['disburse'])
    expect(STEP_ACTIONS.disbursed).toEqual(['notify'])
    expect(STEP_ACTIONS.rejected).toEqual([])
    expect(STEP_ACTIONS.notified).toEqual([])
  })

  it('shows only what the role may do', () => {
    expect(names(availableActions(app('draft'), as('officer'), 'me'))).toEqual(['submit'])
    expect(names(availableActions(app('submitted'), as('officer'), 'me'))).toEqual([])
    expect(names(availableActions(app('submitted'), as('office'), 'me'))).toEqual(['unit_opinion'])
    expect(names(availableActions(app('submitted'), as('leader'), 'me'))).toEqual(['unit_opinion', 'reject'])
    expect(names(availableActions(app('reviewed'), as('office'), 'me'))).toEqual([])
    expect(names(availableActions(app('reviewed'), as('leader'), 'me'))).toEqual(['approve', 'reject'])
    expect(names(availableActions(app('approved'), as('office'), 'me'))).toEqual(['disburse'])
    expect(names(availableActions(app('disbursed'), as('observer'), 'me'))).toEqual([])
  })

  it('blocks approval by the submitter or the reviewer (four eyes)', () => {
    const history = [entry('create', 'o1'), entry('submit', 'lead1'), entry('unit_opinion', 'o2'), entry('review', 'lead2')]
    const reviewed = app('reviewed', history)
    expect(approvalDeciders(reviewed)).toEqual(new Set(['lead1', 'lead2']))
    expect(availableActions(reviewed, as('leader'), 'lead1')).toEqual([
      { action: 'approve', blocked: 'four_eyes' },
      { action: 'reject', blocked: null },
    ])
    expect(availableActions(reviewed, as('leader'), 'lead2')[0]?.blocked).toBe('four_eyes')
    expect(availableActions(reviewed, as('leader'), 'lead3')[0]?.blocked).toBeNull()
  })

  it('needs a second, different leader for an exceptional amount', () => {
    const history = [entry('submit', 'o1'), entry('review', 'o2'), entry('approve', 'lead1')]
    expect(availableActions(app('reviewed', history, true), as('leader'), 'lead1')[0]?.blocked).toBe('four_eyes')
    expect(availableActions(app('reviewed', history, true), as('leader'), 'lead2')[0]?.blocked).toBeNull()
    // Before the first approval the creator alone is not a decider.
    expect(approvalDeciders(app('reviewed', [entry('create', 'lead1'), entry('submit', 'o1')]))).toEqual(new Set(['o1']))
  })
})

describe('queue order', () => {
  it('puts overdue first, then the nearest due date, then the oldest', () => {
    const items = [
      { id: 'none', overdue: false, due_at: null, created_at: '2010-01-01T00:00:00Z' },
      { id: 'later', overdue: false, due_at: '2010-07-01T15:59:59Z', created_at: '2010-01-01T00:00:00Z' },
      { id: 'soon', overdue: false, due_at: '2010-06-01T15:59:59Z', created_at: '2010-01-01T00:00:00Z' },
      { id: 'late', overdue: true, due_at: '2010-05-01T15:59:59Z', created_at: '2010-01-01T00:00:00Z' },
      { id: 'none-old', overdue: false, due_at: null, created_at: '2009-01-01T00:00:00Z' },
    ]
    expect(items.sort(queueOrder).map((i) => i.id)).toEqual(['late', 'soon', 'later', 'none-old', 'none'])
  })
})
