import { allPages, requestJson } from './json'
import type { RoleInCase } from '@/api/types'

export type Decision = 'none' | 'talk' | 'circulated_criticism' | 'referral'
export const DECISIONS: readonly Decision[] = ['none', 'talk', 'circulated_criticism', 'referral']

/** Who held the case (包案) when the deadline passed, as named when the review opened. */
export interface RecordPerson {
  role_in_case: RoleInCase
  user_id: string | null
  org_unit_id: string | null
  name: string | null
  started_at: string
  ended_at: string | null
}

export interface AccountabilityOut {
  id: string
  case_id: string
  org_unit_id: string
  deadline_ids: string[]
  persons: RecordPerson[]
  opened_at: string
  opened_by: string | null
  finding: string | null
  decision: Decision | null
  decision_note: string | null
  decided_by: string | null
  decided_at: string | null
  status: string
  created_at: string
  version: number
}

export interface DecideIn {
  decision: Decision
  finding: string
  note?: string
}

export const listRecords = (filters: { case_id?: string; status?: string } = {}) =>
  allPages<AccountabilityOut>('/accountability-records', filters)

export const getRecord = (id: string) => requestJson<AccountabilityOut>('GET', `/accountability-records/${id}`)

export const decideRecord = (id: string, body: DecideIn) =>
  requestJson<AccountabilityOut>('POST', `/accountability-records/${id}/decide`, { body })
