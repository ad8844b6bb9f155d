import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type CheckInOut = S['CheckInOut']
export type CheckInCreate = S['CheckInCreate']
export type Attitude = S['Attitude']
export type VisitManner = S['VisitManner']

export const ATTITUDES: readonly Attitude[] = ['satisfied', 'accepting', 'dissatisfied', 'still_petitioning', 'unreachable']
export const MANNERS: readonly VisitManner[] = ['in_person', 'phone', 'other']

export async function listCaseCheckIns(caseId: string, cursor?: string): Promise<S['Page_CheckInOut_']> {
  return unwrap(
    await api.GET('/cases/{case_id}/check-ins', {
      params: { path: { case_id: caseId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  )
}

/** The key is the visit's UUID, made when the form opened: a resend returns the stored answer. */
export async function recordCheckIn(caseId: string, body: CheckInCreate, key: string): Promise<CheckInOut> {
  return unwrap(
    await api.POST('/cases/{case_id}/check-ins', {
      params: { path: { case_id: caseId }, header: { 'Idempotency-Key': key } },
      body: { ...body, client_id: key },
    }),
  )
}
