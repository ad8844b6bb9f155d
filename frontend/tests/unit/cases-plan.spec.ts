import { describe, expect, it } from 'vitest'
import type { PlanOut } from '@/views/cases/plan.api'
import { planActions } from '@/views/cases/plan'

const AUTHOR = { id: 'a', display_name: '王秀英' }
function plan(status: PlanOut['status'], missing: string[] = []): PlanOut {
  return {
    id: 'p',
    case_id: 'c',
    version_no: 2,
    status,
    personnel: 'x',
    measures: ['relief'],
    measures_detail: null,
    time_limit: '2010-12-31',
    requirements: 'x',
    expected_effect: missing.includes('expected_effect') ? null : 'x',
    missing_fixes: missing,
    in_force: status === 'approved',
    author: AUTHOR,
    created_at: '2010-07-01T00:00:00Z',
    submitted_at: null,
    submitted_by: null,
    decided_at: null,
    decided_by: null,
    decision_comment: null,
  }
}
const office = { id: 'a', roles: ['office' as const] }
const leader = { id: 'l', roles: ['leader' as const] }
const authorLeader = { id: 'a', roles: ['leader' as const] }
const observer = { id: 'o', roles: ['observer' as const] }

describe('plan actions (mirror of the plan service rules)', () => {
  it('a writer drafts a plan when there is none', () => {
    expect(planActions(null, 'analysed', office)).toMatchObject({ edit: true, submit: false, approve: false })
  })

  it('submits only a complete draft', () => {
    expect(planActions(plan('draft', ['expected_effect']), 'analysed', office).submit).toBe(false)
    expect(planActions(plan('draft'), 'analysed', office).submit).toBe(true)
    expect(planActions(plan('returned'), 'analysed', office)).toMatchObject({ submit: false, edit: true })
  })

  it('freezes a submitted plan until a leader decides', () => {
    const a = planActions(plan('submitted'), 'analysed', office)
    expect(a).toMatchObject({ edit: false, submit: false, approve: false, return: false, blockedKey: 'cases.plan.frozen' })
    expect(planActions(plan('submitted'), 'analysed', leader)).toMatchObject({ approve: true, return: true })
  })

  it('four eyes: the author may return but not approve', () => {
    expect(planActions(plan('submitted'), 'analysed', authorLeader)).toMatchObject({ approve: false, return: true, ownPlan: true })
  })

  it('nothing on a closed case, nothing for an observer', () => {
    expect(planActions(plan('draft'), 'resolved', office)).toMatchObject({ edit: false, submit: false, blockedKey: 'cases.plan.closed' })
    expect(planActions(plan('submitted'), 'accepted', leader)).toMatchObject({ approve: false, return: false })
    expect(planActions(plan('draft'), 'analysed', observer)).toMatchObject({ edit: false, submit: false, blockedKey: null })
    expect(planActions(plan('approved'), 'resolving', office).edit).toBe(true)
  })
})
