import { api } from '@/api/client'
import { ApiProblem, toProblem, unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type HearingOut = S['HearingOut']
export type HearingCreate = S['HearingCreate']
export type HearingHold = S['HearingHold']
export type HearingPostpone = S['HearingPostpone']
export type HearingReschedule = S['HearingReschedule']
export type HearingKind = S['HearingKind']
export type HearingStatus = S['HearingStatus']
export type ParticipantKind = S['ParticipantKind']
export type ParticipantIn = S['ParticipantIn']
export type CalendarTokenOut = S['CalendarTokenOut']
export type UserOut = S['UserOut']

export const HEARING_KINDS: readonly HearingKind[] = [
  'public_hearing',
  'mediation',
  'expert_consultation',
  'lawyer_session',
  'leader_reception',
]

/** One clash as the server reports it in a `hearing_conflict` problem. */
export interface ServerClash {
  hearing_id: string
  starts_at: string
  ends_at: string
  resource: 'official' | 'place'
  place: string
  user_id: string | null
  user_name: string | null
}

/** A 409 `hearing_conflict`, keeping the clashes the generic problem drops. */
export class HearingConflictProblem extends ApiProblem {
  readonly clashes: ServerClash[]

  constructor(base: ApiProblem, clashes: ServerClash[]) {
    super(base)
    this.clashes = clashes
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function parseServerClashes(body: unknown): ServerClash[] {
  if (!isRecord(body) || !Array.isArray(body.conflicts)) return []
  const out: ServerClash[] = []
  for (const item of body.conflicts) {
    if (!isRecord(item)) continue
    const { hearing_id, starts_at, ends_at, resource, place, user_id, user_name } = item
    if (typeof hearing_id !== 'string' || typeof starts_at !== 'string' || typeof ends_at !== 'string') continue
    if (resource !== 'official' && resource !== 'place') continue
    out.push({
      hearing_id,
      starts_at,
      ends_at,
      resource,
      place: typeof place === 'string' ? place : '',
      user_id: typeof user_id === 'string' ? user_id : null,
      user_name: typeof user_name === 'string' ? user_name : null,
    })
  }
  return out
}

/** Like `unwrap`, but a double booking comes out as a HearingConflictProblem with its clashes. */
function unwrapBooking<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T
  const problem = toProblem(result.response.status, result.error, result.response.statusText)
  if (problem.code === 'hearing_conflict') throw new HearingConflictProblem(problem, parseServerClashes(result.error))
  throw problem
}

/**
 * Conflicts (409) with no JSON pointer that still belong to one field of the booking form: the
 * notice rule is about the start time, the investigator rule about the chair.
 */
export const CODE_FIELDS: Readonly<Record<string, string>> = {
  notice_too_late: 'starts_at',
  chair_is_investigator: 'chair_user_id',
  hearing_in_future: 'held_at',
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

export interface HearingQuery {
  case_id?: string
  from?: string
  to?: string
}

/** Every page of a bounded query (a case's hearings, a calendar month); capped at `maxPages`. */
export async function listHearings(query: HearingQuery, maxPages = 10): Promise<HearingOut[]> {
  const items: HearingOut[] = []
  let cursor: string | null = null
  for (let page = 0; page < maxPages; page++) {
    const result: S['Page_HearingOut_'] = unwrap(
      await api.GET('/hearings', { params: { query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) } } }),
    )
    items.push(...result.items)
    cursor = result.next_cursor
    if (!cursor) break
  }
  return items
}

export async function createHearing(body: HearingCreate, idempotencyKey: string): Promise<HearingOut> {
  return unwrapBooking(await api.POST('/hearings', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }))
}

export async function holdHearing(h: HearingOut, body: HearingHold): Promise<HearingOut> {
  return unwrap(
    await api.POST('/hearings/{hearing_id}/hold', { params: { path: { hearing_id: h.id } }, body, headers: ifMatch(h.version) }),
  )
}

export async function postponeHearing(h: HearingOut, body: HearingPostpone): Promise<HearingOut> {
  return unwrap(
    await api.POST('/hearings/{hearing_id}/postpone', {
      params: { path: { hearing_id: h.id } },
      body,
      headers: ifMatch(h.version),
    }),
  )
}

export async function rescheduleHearing(h: HearingOut, body: HearingReschedule): Promise<HearingOut> {
  return unwrapBooking(
    await api.POST('/hearings/{hearing_id}/reschedule', {
      params: { path: { hearing_id: h.id } },
      body,
      headers: ifMatch(h.version),
    }),
  )
}

export async function cancelHearing(h: HearingOut, reason: string): Promise<HearingOut> {
  return unwrap(
    await api.POST('/hearings/{hearing_id}/cancel', {
      params: { path: { hearing_id: h.id } },
      body: { reason },
      headers: ifMatch(h.version),
    }),
  )
}

/** A new personal feed link; any earlier one stops working. */
export async function createCalendarToken(): Promise<CalendarTokenOut> {
  return unwrap(await api.POST('/hearings/calendar-token'))
}

export async function revokeCalendarToken(): Promise<void> {
  const result = await api.DELETE('/hearings/calendar-token')
  if (!result.response.ok) throw toProblem(result.response.status, result.error, result.response.statusText)
}

/** Active accounts (needs users:read; officers get 403 and fall back to the case's people). */
export async function listActiveUsers(): Promise<UserOut[]> {
  return unwrap(await api.GET('/users', { params: { query: { is_active: true, limit: 200 } } })).items
}
