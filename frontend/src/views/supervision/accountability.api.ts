import { api, type ApiPaths } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type AccountabilityOut = S['RecordOut']
/** Who held the case (包案) when the deadline passed, as named when the review opened. */
export type RecordPerson = S['PersonOut']
export type Decision = S['AccountabilityDecision']
export type AccountabilityStatus = S['AccountabilityStatus']
export type DecideIn = S['RecordDecide']
export type RecordFilters = Omit<NonNullable<ApiPaths['/accountability-records']['get']['parameters']['query']>, 'limit' | 'cursor'>

export const DECISIONS: readonly Decision[] = ['none', 'talk', 'circulated_criticism', 'referral']

/** Every record matching `filters`, following `next_cursor` (the lists are small: one county's reviews). */
export async function listRecords(filters: RecordFilters = {}): Promise<AccountabilityOut[]> {
  const all: AccountabilityOut[] = []
  let cursor: string | undefined
  do {
    const page = unwrap(
      await api.GET('/accountability-records', { params: { query: { ...filters, limit: 200, ...(cursor ? { cursor } : {}) } } }),
    )
    all.push(...page.items)
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return all
}

export async function getRecord(id: string): Promise<AccountabilityOut> {
  return unwrap(await api.GET('/accountability-records/{record_id}', { params: { path: { record_id: id } } }))
}

/** A leader's decision, once; a second one or a leader among the persons concerned comes back as a 409 problem. */
export async function decideRecord(id: string, body: DecideIn): Promise<AccountabilityOut> {
  return unwrap(await api.POST('/accountability-records/{record_id}/decide', { params: { path: { record_id: id } }, body }))
}
