import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import type { CaseStatus } from '@/api/types'
import type { CaseFilters } from './filters'

type S = components['schemas']
export type CaseOut = S['CaseOut']
export type CasePage = S['Page_CaseOut_']
export type CaseTransitions = S['CaseTransitions']
export type ActionState = S['ActionState']
export type AssignmentOut = S['AssignmentOut']
export type TimelineEntry = S['TimelineEntry']
export type TimelinePage = S['Page_TimelineEntry_']
export type PetitionerOut = S['PetitionerOut']

export async function listCases(filters: CaseFilters, cursor?: string, limit = 50): Promise<CasePage> {
  return unwrap(
    await api.GET('/cases', {
      params: {
        query: {
          limit,
          ...(cursor ? { cursor } : {}),
          ...(filters.status.length ? { status: filters.status } : {}),
          ...(filters.category ? { category: filters.category } : {}),
          ...(filters.q ? { q: filters.q } : {}),
        },
      },
    }),
  )
}

/**
 * The API has no totals: count one page per status, capped. `capped` means "at least `count`".
 */
export async function countByStatus(
  statuses: readonly CaseStatus[],
  cap = 100,
): Promise<Array<{ status: CaseStatus; count: number; capped: boolean }>> {
  return Promise.all(
    statuses.map(async (status) => {
      const page = unwrap(await api.GET('/cases', { params: { query: { status: [status], limit: cap } } }))
      return { status, count: page.items.length, capped: page.next_cursor !== null }
    }),
  )
}

export async function getCase(id: string): Promise<CaseOut> {
  return unwrap(await api.GET('/cases/{case_id}', { params: { path: { case_id: id } } }))
}

export async function getTransitions(id: string): Promise<CaseTransitions> {
  return unwrap(await api.GET('/cases/{case_id}/transitions', { params: { path: { case_id: id } } }))
}

export async function getAssignments(id: string): Promise<AssignmentOut[]> {
  return unwrap(await api.GET('/cases/{case_id}/assignments', { params: { path: { case_id: id } } })).items
}

export async function getTimeline(id: string, cursor?: string): Promise<TimelinePage> {
  return unwrap(
    await api.GET('/cases/{case_id}/timeline', {
      params: { path: { case_id: id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  )
}
