import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import type { ReliefOut } from '@/views/relief/relief.api'
import ReliefCard from '@/views/relief/components/ReliefCard.vue'
import { queueOrder, waitsForMe, type AllowedAction } from '@/views/relief/steps'

function application(step: ReliefOut['step'], allowed: AllowedAction[]): ReliefOut {
  return {
    id: '01a2-app',
    case_id: '01a2-case',
    applicant_petitioner_id: '01a2-person',
    province_code: '51',
    kind: 'hardship',
    hardship_facts: '家庭主要劳动力因病丧失劳动能力',
    amount_requested: '20000.00',
    earlier_compensation: null,
    step,
    due_at: null,
    overdue: false,
    amount_approved: null,
    exceptional: false,
    exceptional_reason: null,
    awaiting_second_approval: false,
    cap_amount: null,
    standard_year: null,
    commitment_signed: false,
    commitment_signed_on: null,
    duplicates: [],
    history: [],
    allowed_actions: allowed,
    created_by: null,
    created_at: '2010-06-01T02:00:00Z',
    updated_at: '2010-06-01T02:00:00Z',
    version: 3,
  }
}

describe('the actions shown are the server’s allowed_actions', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('offers the unblocked ones and shows a blocked approval disabled, with its reason', async () => {
    const app = application('reviewed', [
      { action: 'approve', blocked_by: 'relief_four_eyes' },
      { action: 'reject', blocked_by: null },
    ])
    const wrapper = mount(ReliefCard, { props: { app, petitioners: [] }, global: { plugins: [i18n] } })
    const buttons = wrapper.findAll('.actions button')
    expect(buttons.map((b) => [b.text(), b.attributes('disabled') !== undefined])).toEqual([
      ['批准', true],
      ['不予救助', false],
    ])
    await wrapper.get('[data-action=reject]').trigger('click')
    expect(wrapper.emitted('act')).toEqual([['reject']])
  })

  it('shows no step buttons when the server lists none', () => {
    const wrapper = mount(ReliefCard, { props: { app: application('approved', []), petitioners: [] }, global: { plugins: [i18n] } })
    expect(wrapper.find('.actions').exists()).toBe(false)
  })

  it('waits for me only when something is not blocked', () => {
    expect(waitsForMe({ allowed_actions: [] })).toBe(false)
    expect(waitsForMe({ allowed_actions: [{ action: 'approve', blocked_by: 'relief_already_granted' }] })).toBe(false)
    expect(waitsForMe({ allowed_actions: [{ action: 'approve', blocked_by: 'relief_four_eyes' }, { action: 'reject', blocked_by: null }] })).toBe(true)
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
