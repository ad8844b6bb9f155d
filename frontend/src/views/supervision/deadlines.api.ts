import { api, type ApiPaths } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type DeadlineOut = S['DeadlineOut']
export type DeadlineDetail = S['DeadlineDetail']
export type DeadlineStatus = S['DeadlineStatus']
export type RuleOut = S['RuleOut']
export type RuleIn = S['RuleIn']
export type DurationUnit = S['DurationUnit']
export type DeadlineQuery = Omit<NonNullable<ApiPaths['/deadlines']['get']['parameters']['query']>, 'limit' | 'cursor'>

/** What a person may do to a running clock: the first three by the office, the last two by leaders. */
export type ClockAction = 'pause' | 'resume' | 'meet' | 'extend' | 'waive'

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

/** Every deadline matching `query`, following `next_cursor` (a county has a few hundred running). */
export async function listAllDeadlines(query: DeadlineQuery = {}): Promise<DeadlineOut[]> {
  const all: DeadlineOut[] = []
  let cursor: string | undefined
  do {
    const page = unwrap(await api.GET('/deadlines', { params: { query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) } } }))
    all.push(...page.items)
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return all
}

export interface ClockInput {
  reason?: string
  days?: number
  note?: string
}

/** One of the five clock actions; a stale `version` or a closed clock comes back as a 409/412 problem. */
export async function actOnDeadline(id: string, version: number, action: ClockAction, input: ClockInput): Promise<DeadlineOut> {
  const params = { path: { deadline_id: id } }
  const headers = ifMatch(version)
  const reason = input.reason ?? ''
  switch (action) {
    case 'pause':
      return unwrap(await api.POST('/deadlines/{deadline_id}/pause', { params, headers, body: { reason } }))
    case 'resume':
      return unwrap(await api.POST('/deadlines/{deadline_id}/resume', { params, headers, body: { reason } }))
    case 'waive':
      return unwrap(await api.POST('/deadlines/{deadline_id}/waive', { params, headers, body: { reason } }))
    case 'extend':
      return unwrap(await api.POST('/deadlines/{deadline_id}/extend', { params, headers, body: { reason, days: input.days ?? 0 } }))
    case 'meet':
      return unwrap(
        await api.POST('/deadlines/{deadline_id}/meet', { params, headers, body: input.note ? { note: input.note } : {} }),
      )
  }
}

export async function listRules(campaignId: string): Promise<RuleOut[]> {
  return unwrap(await api.GET('/campaigns/{campaign_id}/deadline-rules', { params: { path: { campaign_id: campaignId } } }))
}

export async function putRule(campaignId: string, kind: RuleOut['kind'], body: RuleIn): Promise<RuleOut> {
  return unwrap(
    await api.PUT('/campaigns/{campaign_id}/deadline-rules/{kind}', { params: { path: { campaign_id: campaignId, kind } }, body }),
  )
}

export async function getDeadline(id: string): Promise<DeadlineDetail> {
  return unwrap(await api.GET('/deadlines/{deadline_id}', { params: { path: { deadline_id: id } } }))
}
