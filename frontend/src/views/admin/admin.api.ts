import { api } from '@/api/client'
import { ApiProblem, unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import type { Role } from '@/api/types'

type S = components['schemas']
export type UserOut = S['UserOut']
export type UserCreate = S['UserCreate']
export type UserUpdate = S['UserUpdate']
export type UserPage = S['Page_UserOut_']
export type OrgUnitOut = S['OrgUnitOut']
export type OrgUnitCreate = S['OrgUnitCreate']
export type OrgUnitUpdate = S['OrgUnitUpdate']
export type OrgKind = S['OrgKind']
export type CampaignOut = S['CampaignOut']
export type CampaignCreate = S['CampaignCreate']
export type CampaignUpdate = S['CampaignUpdate']
export type Phase = S['Phase']
export type PhaseIn = S['PhaseIn']
export type YearOut = S['YearOut']
export type YearArrangement = S['YearArrangement']
export type WorkingDaysOut = S['WorkingDaysOut']
export type WageStandardOut = S['WageStandardOut']
export type WageStandardIn = S['WageStandardIn']

/** Single-resource writes carry the version the user saw; a stale one comes back as 412. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

// Pickers need every unit and campaign; the API pages at most 200 at a time.
async function allPages<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; next_cursor: string | null }>) {
  const out: T[] = []
  let cursor: string | undefined
  // A runaway cursor must not spin forever: 50 pages of 200 is far beyond any bureau's tree.
  for (let i = 0; i < 50; i += 1) {
    const page = await fetchPage(cursor)
    out.push(...page.items)
    if (!page.next_cursor) break
    cursor = page.next_cursor
  }
  return out
}

// --- users ---------------------------------------------------------------------------------

export interface UserFilters {
  q: string
  role: Role | null
  org_unit_id: string | null
  is_active: boolean | null
}

export async function listUsers(filters: UserFilters, cursor?: string, limit = 50): Promise<UserPage> {
  return unwrap(
    await api.GET('/users', {
      params: {
        query: {
          limit,
          ...(cursor ? { cursor } : {}),
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.role ? { role: filters.role } : {}),
          ...(filters.org_unit_id ? { org_unit_id: filters.org_unit_id } : {}),
          ...(filters.is_active !== null ? { is_active: filters.is_active } : {}),
        },
      },
    }),
  )
}

export async function createUser(body: UserCreate): Promise<UserOut> {
  return unwrap(await api.POST('/users', { body }))
}

export async function updateUser(user: Pick<UserOut, 'id' | 'version'>, body: UserUpdate): Promise<UserOut> {
  return unwrap(
    await api.PATCH('/users/{user_id}', {
      params: { path: { user_id: user.id }, header: ifMatch(user.version) },
      body,
    }),
  )
}

export async function setUserRoles(user: Pick<UserOut, 'id' | 'version'>, roles: Role[]): Promise<UserOut> {
  return unwrap(
    await api.PUT('/users/{user_id}/roles', {
      params: { path: { user_id: user.id }, header: ifMatch(user.version) },
      body: { roles },
    }),
  )
}

export async function resetUserPassword(userId: string, newPassword: string): Promise<void> {
  const result = await api.POST('/users/{user_id}/password-reset', {
    params: { path: { user_id: userId } },
    body: { new_password: newPassword },
  })
  unwrap(result)
}

// --- org units -----------------------------------------------------------------------------

export async function listAllOrgUnits(): Promise<OrgUnitOut[]> {
  return allPages(async (cursor) =>
    unwrap(await api.GET('/org-units', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })),
  )
}

export async function getOrgUnit(id: string): Promise<OrgUnitOut> {
  return unwrap(await api.GET('/org-units/{unit_id}', { params: { path: { unit_id: id } } }))
}

export async function createOrgUnit(body: OrgUnitCreate): Promise<OrgUnitOut> {
  return unwrap(await api.POST('/org-units', { body }))
}

export async function updateOrgUnit(unit: Pick<OrgUnitOut, 'id' | 'version'>, body: OrgUnitUpdate): Promise<OrgUnitOut> {
  return unwrap(
    await api.PATCH('/org-units/{unit_id}', {
      params: { path: { unit_id: unit.id }, header: ifMatch(unit.version) },
      body,
    }),
  )
}

export async function deleteOrgUnit(unit: Pick<OrgUnitOut, 'id' | 'version'>): Promise<void> {
  unwrap(
    await api.DELETE('/org-units/{unit_id}', {
      params: { path: { unit_id: unit.id }, header: ifMatch(unit.version) },
    }),
  )
}

// --- campaigns -----------------------------------------------------------------------------

export async function listAllCampaigns(): Promise<CampaignOut[]> {
  return allPages(async (cursor) =>
    unwrap(await api.GET('/campaigns', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })),
  )
}

export async function createCampaign(body: CampaignCreate): Promise<CampaignOut> {
  return unwrap(await api.POST('/campaigns', { body }))
}

export async function updateCampaign(c: Pick<CampaignOut, 'id' | 'version'>, body: CampaignUpdate): Promise<CampaignOut> {
  return unwrap(
    await api.PATCH('/campaigns/{campaign_id}', {
      params: { path: { campaign_id: c.id }, header: ifMatch(c.version) },
      body,
    }),
  )
}

// --- calendar ------------------------------------------------------------------------------

/** The year's arrangement, or null when no data exists for it (the API answers 409). */
export async function getCalendarYear(year: number): Promise<YearOut | null> {
  try {
    return unwrap(await api.GET('/calendar/years/{year}', { params: { path: { year } } }))
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'calendar_year_unknown') return null
    throw error
  }
}

export async function putCalendarYear(year: number, body: YearArrangement): Promise<YearOut> {
  return unwrap(await api.PUT('/calendar/years/{year}', { params: { path: { year } }, body }))
}

export async function addWorkingDays(start: string, days: number): Promise<WorkingDaysOut> {
  return unwrap(await api.GET('/calendar/working-days', { params: { query: { start, days } } }))
}

// --- relief wage standards -----------------------------------------------------------------

/** The standard, or null when none is entered for that province and year. */
export async function getWageStandard(province: string, year: number): Promise<WageStandardOut | null> {
  try {
    return unwrap(
      await api.GET('/relief-wage-standards/{province_code}/{year}', {
        params: { path: { province_code: province, year } },
      }),
    )
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null
    throw error
  }
}

export async function putWageStandard(province: string, year: number, body: WageStandardIn): Promise<WageStandardOut> {
  return unwrap(
    await api.PUT('/relief-wage-standards/{province_code}/{year}', {
      params: { path: { province_code: province, year } },
      body,
    }),
  )
}
