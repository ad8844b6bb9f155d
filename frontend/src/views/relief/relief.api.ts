import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import type { ReliefAction, Step } from './steps'

type S = components['schemas']
export type ReliefOut = S['ReliefOut']
export type ReliefCreate = S['ReliefCreate']
export type ReliefKind = S['ReliefKind']
export type ApproveAction = S['ApproveAction']
export type StepOut = S['StepOut']

export const RELIEF_KINDS: readonly ReliefKind[] = ['hardship', 'medical', 'education', 'funeral', 'other']

export interface ReliefQuery {
  case_id?: string
  step?: Step[]
  overdue?: boolean
}

export async function listRelief(query: ReliefQuery, cursor?: string, limit = 100): Promise<S['Page_ReliefOut_']> {
  return unwrap(
    await api.GET('/relief-applications', {
      params: {
        query: {
          limit,
          ...(cursor ? { cursor } : {}),
          ...(query.case_id ? { case_id: query.case_id } : {}),
          ...(query.step?.length ? { step: query.step } : {}),
          ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
        },
      },
    }),
  )
}

export async function createRelief(body: ReliefCreate, idempotencyKey: string): Promise<ReliefOut> {
  return unwrap(
    await api.POST('/relief-applications', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  )
}

type PlainAction = Exclude<ReliefAction, 'approve'>

/** One explicit step with its opinion (everything but approval, which carries more). */
export async function actOnRelief(id: string, action: PlainAction, opinion: string): Promise<ReliefOut> {
  const init = { params: { path: { application_id: id } }, body: { opinion } }
  switch (action) {
    case 'submit':
      return unwrap(await api.POST('/relief-applications/{application_id}/submit', init))
    case 'unit_opinion':
      return unwrap(await api.POST('/relief-applications/{application_id}/unit-opinion', init))
    case 'review':
      return unwrap(await api.POST('/relief-applications/{application_id}/review', init))
    case 'reject':
      return unwrap(await api.POST('/relief-applications/{application_id}/reject', init))
    case 'disburse':
      return unwrap(await api.POST('/relief-applications/{application_id}/disburse', init))
    case 'notify':
      return unwrap(await api.POST('/relief-applications/{application_id}/notify', init))
  }
}

export async function approveRelief(id: string, body: ApproveAction): Promise<ReliefOut> {
  return unwrap(
    await api.POST('/relief-applications/{application_id}/approve', { params: { path: { application_id: id } }, body }),
  )
}

export type ReliefUpdate = S['ReliefUpdate']

/** Change a draft; the version read with it guards against overwriting someone else's edit (412). */
export async function updateRelief(app: ReliefOut, body: ReliefUpdate): Promise<ReliefOut> {
  return unwrap(
    await api.PATCH('/relief-applications/{application_id}', {
      params: { path: { application_id: app.id }, header: { 'If-Match': `"${app.version}"` } },
      body,
    }),
  )
}
