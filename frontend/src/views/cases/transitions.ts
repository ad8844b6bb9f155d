import type { CaseAction } from '@/api/types'
import type { ActionState, TransitionIn } from './cases.api'
import type { OutcomeKind } from './enums'

/** What the transition dialog collects; which parts are sent depends on the action. */
export interface TransitionDraft {
  reason: string
  outcome_kind: OutcomeKind | null
  outcome_note: string
  commitment_signed: boolean
  commitment_signed_on: string | null
  termination_basis: string
  police_organ: string
}

export type TransitionField = Exclude<keyof TransitionDraft, 'reason'>

/**
 * The optional request fields each action takes (backend workflow_schemas.ACTION_FIELDS); any
 * other action refuses them with a 422, so they are never sent elsewhere.
 */
export const ACTION_FIELDS: Record<CaseAction, readonly TransitionField[]> = {
  analyse: [],
  approve_plan: [],
  start_resolving: [],
  resolve: ['outcome_kind', 'outcome_note', 'commitment_signed', 'commitment_signed_on'],
  terminate: ['outcome_note', 'termination_basis'],
  refer: ['outcome_note', 'police_organ'],
  accept: [],
  reopen: [],
}

/** Actions that close the case or hand it over: confirmed before they are sent. */
export const IRREVERSIBLE: ReadonlySet<CaseAction> = new Set<CaseAction>(['resolve', 'terminate', 'refer', 'accept'])

/** Outcomes a `resolve` may record: termination is its own action. */
export const RESOLVE_OUTCOMES = [
  'claim_resolved',
  'educated',
  'corrected',
  'relieved',
  'handled_by_law',
] as const satisfies readonly OutcomeKind[]

export function emptyDraft(): TransitionDraft {
  return {
    reason: '',
    outcome_kind: null,
    outcome_note: '',
    commitment_signed: false,
    commitment_signed_on: null,
    termination_basis: '',
    police_organ: '',
  }
}

/**
 * Fields the request itself must supply: the guards still undecided (`met: null`) name them.
 * A guard the case already meets (a re-review on file, a police organ recorded) asks nothing.
 */
export function requiredFields(state: ActionState): TransitionField[] {
  const allowed = ACTION_FIELDS[state.action]
  const out = new Set<TransitionField>()
  for (const guard of state.guards) {
    if (guard.met !== null) continue
    for (const field of guard.fields) {
      if ((allowed as readonly string[]).includes(field)) out.add(field as TransitionField)
    }
  }
  return [...out]
}

/** The request body for `action`: the reason, plus only that action's fields that are filled in. */
export function transitionBody(action: CaseAction, draft: TransitionDraft): TransitionIn {
  const body: TransitionIn = { action, reason: draft.reason.trim() }
  const fields = ACTION_FIELDS[action]
  const has = (f: TransitionField) => fields.includes(f)
  if (has('outcome_kind') && draft.outcome_kind) body.outcome_kind = draft.outcome_kind
  if (has('outcome_note') && draft.outcome_note.trim()) body.outcome_note = draft.outcome_note.trim()
  if (has('commitment_signed') && draft.commitment_signed) {
    body.commitment_signed = true
    if (draft.commitment_signed_on) body.commitment_signed_on = draft.commitment_signed_on
  }
  if (has('termination_basis') && draft.termination_basis.trim()) body.termination_basis = draft.termination_basis.trim()
  if (has('police_organ') && draft.police_organ.trim()) body.police_organ = draft.police_organ.trim()
  return body
}
