import { allPages, requestJson } from './json'
import type { PersonRef } from './notices.api'

export type Decision = 'none' | 'talk' | 'circulated_criticism' | 'referral'
export const DECISIONS: readonly Decision[] = ['none', 'talk', 'circulated_criticism', 'referral']

export interface MissedDeadline {
  id: string
  kind: string
  due_on: string
  status?: string
}

export interface AccountabilityOut {
  id: string
  case_id: string | null
  case_number?: string | null
  status: string
  reason?: string | null
  persons: PersonRef[]
  deadlines: MissedDeadline[]
  decision: Decision | null
  finding: string | null
  note: string | null
  decided_by?: PersonRef | null
  decided_at?: string | null
  opened_at?: string
  created_at: string
  version?: number
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
