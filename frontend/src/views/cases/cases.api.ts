import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import type { Role } from '@/api/types'
import { toApiQuery, type CaseFilters } from './filters'

type S = components['schemas']
export type CaseOut = S['CaseOut']
export type CaseCreate = S['CaseCreate']
export type CaseUpdate = S['CaseUpdate']
export type CasePage = S['Page_CaseOut_']
export type CaseTransitions = S['CaseTransitions']
export type ActionState = S['ActionState']
export type TransitionIn = S['TransitionIn']
export type AssignmentOut = S['AssignmentOut']
export type AssignmentCreate = S['AssignmentCreate']
export type TimelineEntry = S['TimelineEntry']
export type TimelinePage = S['Page_TimelineEntry_']
export type PetitionerOut = S['PetitionerOut']
export type PetitionerFields = S['PetitionerFields']
export type Revealed = S['Revealed']
export type UserOut = S['UserOut']
export type OrgUnitOut = S['OrgUnitOut']
export type CampaignOut = S['CampaignOut']

/** The ETag form the API compares `If-Match` with. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

export async function listCases(
  filters: CaseFilters,
  cursor?: string,
  limit = 50,
  signal?: AbortSignal,
): Promise<CasePage> {
  return unwrap(
    await api.GET('/cases', {
      params: { query: { ...toApiQuery(filters), limit, ...(cursor ? { cursor } : {}) } },
      ...(signal ? { signal } : {}),
    }),
  )
}

export async function getCase(id: string): Promise<CaseOut> {
  return unwrap(await api.GET('/cases/{case_id}', { params: { path: { case_id: id } } }))
}

/** `idempotencyKey`: one per opened form, so a double submit or a retry registers one case. */
export async function createCase(body: CaseCreate, idempotencyKey: string): Promise<CaseOut> {
  return unwrap(await api.POST('/cases', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }))
}

/** Only the changed fields; a stale `version` is refused with 412. */
export async function updateCase(id: string, version: number, body: CaseUpdate): Promise<CaseOut> {
  return unwrap(
    await api.PATCH('/cases/{case_id}', { params: { path: { case_id: id }, header: ifMatch(version) }, body }),
  )
}

export async function getTransitions(id: string): Promise<CaseTransitions> {
  return unwrap(await api.GET('/cases/{case_id}/transitions', { params: { path: { case_id: id } } }))
}

export async function transitionCase(id: string, version: number, body: TransitionIn): Promise<CaseTransitions> {
  return unwrap(
    await api.POST('/cases/{case_id}/transitions', {
      params: { path: { case_id: id } },
      body,
      headers: ifMatch(version),
    }),
  )
}

export async function getAssignments(id: string): Promise<AssignmentOut[]> {
  return unwrap(await api.GET('/cases/{case_id}/assignments', { params: { path: { case_id: id } } })).items
}

export async function createAssignment(
  caseId: string,
  body: AssignmentCreate,
  idempotencyKey: string,
): Promise<AssignmentOut> {
  return unwrap(
    await api.POST('/cases/{case_id}/assignments', {
      params: { path: { case_id: caseId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  )
}

export async function endAssignment(caseId: string, assignmentId: string, reason: string): Promise<AssignmentOut> {
  return unwrap(
    await api.POST('/cases/{case_id}/assignments/{assignment_id}/end', {
      params: { path: { case_id: caseId, assignment_id: assignmentId } },
      body: { reason },
    }),
  )
}

export async function getTimeline(id: string, cursor?: string): Promise<TimelinePage> {
  return unwrap(
    await api.GET('/cases/{case_id}/timeline', {
      params: { path: { case_id: id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  )
}

/** Exact match on the ID number; the number travels in the body, never in a URL. */
export async function searchPetitioners(idNumber: string): Promise<PetitionerOut[]> {
  return unwrap(await api.POST('/petitioners/search', { body: { id_number: idNumber } }))
}

/** Full ID number and phone; audited server-side with the reason. Keep the result local. */
export async function revealPetitioner(id: string, reason: string): Promise<Revealed> {
  return unwrap(
    await api.POST('/petitioners/{petitioner_id}/reveal', {
      params: { path: { petitioner_id: id } },
      body: { reason },
    }),
  )
}

/** Active users of the caller's subtree (a county bureau has a few dozen: one page of 200). */
export async function listUsers(role?: Role): Promise<UserOut[]> {
  return unwrap(
    await api.GET('/users', { params: { query: { limit: 200, is_active: true, ...(role ? { role } : {}) } } }),
  ).items
}

export async function listOrgUnits(): Promise<OrgUnitOut[]> {
  return unwrap(await api.GET('/org-units', { params: { query: { limit: 200, is_active: true } } })).items
}

export async function listCampaigns(): Promise<CampaignOut[]> {
  return unwrap(await api.GET('/campaigns', { params: { query: { limit: 200 } } })).items
}

/**
 * Every case matching `filters`, page by page (200 at a time, following `next_cursor`).
 * `onPage` reports progress; aborting `signal` stops between or during pages.
 */
export async function fetchAllCases(
  filters: CaseFilters,
  signal: AbortSignal,
  onPage: (loaded: number, more: boolean) => void,
): Promise<CaseOut[]> {
  const all: CaseOut[] = []
  let cursor: string | undefined
  do {
    signal.throwIfAborted()
    const page = await listCases(filters, cursor, 200, signal)
    all.push(...page.items)
    cursor = page.next_cursor ?? undefined
    onPage(all.length, cursor !== undefined)
  } while (cursor !== undefined)
  return all
}
