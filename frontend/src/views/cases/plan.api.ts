import { api } from '@/api/client'
import { ApiProblem, unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type PlanOut = S['PlanOut']
export type PlanIn = S['PlanIn']

/** The newest version, or null when the case has no plan yet (the API's 404 `plan_not_found`). */
export async function getPlan(caseId: string): Promise<PlanOut | null> {
  try {
    return unwrap(await api.GET('/cases/{case_id}/plan', { params: { path: { case_id: caseId } } }))
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'plan_not_found') return null
    throw error
  }
}

export async function listPlanVersions(caseId: string): Promise<PlanOut[]> {
  return unwrap(await api.GET('/cases/{case_id}/plan/versions', { params: { path: { case_id: caseId } } })).items
}

/** Every save is a new draft version; earlier versions are kept. */
export async function savePlan(caseId: string, body: PlanIn): Promise<PlanOut> {
  return unwrap(await api.PUT('/cases/{case_id}/plan', { params: { path: { case_id: caseId } }, body }))
}

export async function submitPlan(caseId: string): Promise<PlanOut> {
  return unwrap(await api.POST('/cases/{case_id}/plan/submit', { params: { path: { case_id: caseId } } }))
}

export async function approvePlan(caseId: string, comment: string | null): Promise<PlanOut> {
  return unwrap(
    await api.POST('/cases/{case_id}/plan/approve', {
      params: { path: { case_id: caseId } },
      body: comment ? { comment } : {},
    }),
  )
}

export async function returnPlan(caseId: string, comment: string): Promise<PlanOut> {
  return unwrap(
    await api.POST('/cases/{case_id}/plan/return', { params: { path: { case_id: caseId } }, body: { comment } }),
  )
}
