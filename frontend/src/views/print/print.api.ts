import { api } from '@/api/client'
import { ApiProblem, unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import enumLabels from '@/api/enum-labels.json'

type S = components['schemas']
export type CaseOut = S['CaseOut']
export type PetitionerOut = S['PetitionerOut']
export type HearingOut = S['HearingOut']
export type ReliefOut = S['ReliefOut']
export type PlanOut = S['PlanOut']
export type EnumLabel = S['EnumLabel']
export type Enums = Record<string, EnumLabel[]>

export async function getCase(id: string): Promise<CaseOut> {
  return unwrap(await api.GET('/cases/{case_id}', { params: { path: { case_id: id } } }))
}

export async function getHearing(id: string): Promise<HearingOut> {
  return unwrap(await api.GET('/hearings/{hearing_id}', { params: { path: { hearing_id: id } } }))
}

export async function getRelief(id: string): Promise<ReliefOut> {
  return unwrap(await api.GET('/relief-applications/{application_id}', { params: { path: { application_id: id } } }))
}

/** The case's relief applications (a case rarely has more than a handful). */
export async function listCaseRelief(caseId: string): Promise<ReliefOut[]> {
  return unwrap(await api.GET('/relief-applications', { params: { query: { case_id: caseId, limit: 200 } } })).items
}

/** The case's newest plan, or null when none has been drafted. */
export async function getPlan(caseId: string): Promise<PlanOut | null> {
  try {
    return unwrap(await api.GET('/cases/{case_id}/plan', { params: { path: { case_id: caseId } } }))
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null
    throw error
  }
}

/** Every enum's zh-CN and English labels: the server's, as `anjie openapi` wrote them for the app. */
export function getEnums(): Promise<Enums> {
  return Promise.resolve(enumLabels)
}

/** What every sheet prints around its subject: the case, the enum labels and the case's unit name. */
export async function getCaseSheet(caseId: string): Promise<{ theCase: CaseOut; enums: Enums; unit: string | null }> {
  // The case names its unit: an officer may print for a unit outside their own subtree.
  const [theCase, enums] = await Promise.all([getCase(caseId), getEnums()])
  return { theCase, enums, unit: theCase.org_unit_name }
}
