import { describe, expect, it } from 'vitest'
import type { ActionState } from '@/views/cases/cases.api'
import { ACTION_FIELDS, IRREVERSIBLE, emptyDraft, requiredFields, transitionBody } from '@/views/cases/transitions'

const filled = {
  ...emptyDraft(),
  reason: '  理由充分  ',
  outcome_kind: 'educated' as const,
  outcome_note: '已教育',
  commitment_signed: true,
  commitment_signed_on: '2010-09-01',
  termination_basis: '已复核',
  police_organ: '清溪县公安局',
}

function state(action: ActionState['action'], guards: ActionState['guards']): ActionState {
  return { action, label: action, target: 'resolved', ready: true, unmet_guards: [], guards }
}

describe('transition bodies', () => {
  it('sends only the fields each action takes', () => {
    expect(transitionBody('analyse', filled)).toEqual({ action: 'analyse', reason: '理由充分' })
    expect(transitionBody('reopen', filled)).toEqual({ action: 'reopen', reason: '理由充分' })
    expect(transitionBody('resolve', filled)).toEqual({
      action: 'resolve',
      reason: '理由充分',
      outcome_kind: 'educated',
      outcome_note: '已教育',
      commitment_signed: true,
      commitment_signed_on: '2010-09-01',
    })
    expect(transitionBody('terminate', filled)).toEqual({
      action: 'terminate',
      reason: '理由充分',
      outcome_note: '已教育',
      termination_basis: '已复核',
    })
    expect(transitionBody('refer', filled)).toEqual({
      action: 'refer',
      reason: '理由充分',
      outcome_note: '已教育',
      police_organ: '清溪县公安局',
    })
  })

  it('leaves out blank fields and an unsigned commitment date', () => {
    const draft = { ...emptyDraft(), reason: 'ok', commitment_signed_on: '2010-09-01', outcome_note: '  ' }
    expect(transitionBody('resolve', draft)).toEqual({ action: 'resolve', reason: 'ok' })
  })

  it('every action has an entry, and what closes a case is confirmed', () => {
    expect(Object.keys(ACTION_FIELDS).sort()).toEqual(
      ['accept', 'analyse', 'approve_plan', 'refer', 'reopen', 'resolve', 'start_resolving', 'terminate'],
    )
    expect([...IRREVERSIBLE].sort()).toEqual(['accept', 'refer', 'resolve', 'terminate'])
  })

  it('asks for the fields of guards the request must meet', () => {
    const resolve = state('resolve', [
      { guard: 'outcome_recorded', met: null, fields: ['outcome_kind'], detail: '' },
      { guard: 'petitioning_stopped', met: true, fields: ['commitment_signed'], detail: '' },
    ])
    expect(requiredFields(resolve)).toEqual(['outcome_kind'])
    const refer = state('refer', [
      { guard: 'referral_reason', met: null, fields: ['reason'], detail: '' },
      { guard: 'police_organ_named', met: null, fields: ['police_organ'], detail: '' },
    ])
    expect(requiredFields(refer)).toEqual(['police_organ'])
    const analyse = state('analyse', [{ guard: 'cause_and_crux_recorded', met: false, fields: [], detail: '' }])
    expect(requiredFields(analyse)).toEqual([])
  })
})
