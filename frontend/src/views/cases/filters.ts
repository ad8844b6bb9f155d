import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { components } from '@/api/schema'
import type { CaseStatus, Category } from '@/api/types'

/** Every value of the enums, typed from the schema (a missing or extra value fails typecheck). */
export const CASE_STATUSES = [
  'registered',
  'analysed',
  'plan_approved',
  'resolving',
  'resolved',
  'terminated',
  'referred',
  'accepted',
] as const satisfies readonly CaseStatus[]
export const CATEGORIES = [
  'notarisation',
  'lawyers',
  'legal_aid',
  'peoples_mediation',
  'community_corrections',
  'judicial_expertise',
  'prison_rehabilitation',
  'grassroots_legal_services',
  'other',
] as const satisfies readonly Category[]

type Exhaustive<All, Listed> = [All] extends [Listed] ? true : never
const _statuses: Exhaustive<components['schemas']['CaseStatus'], (typeof CASE_STATUSES)[number]> = true
const _categories: Exhaustive<components['schemas']['Category'], (typeof CATEGORIES)[number]> = true
void _statuses
void _categories

/** The list's filters and page cursor, kept in the URL query so a list can be shared and reloaded. */
export interface CaseFilters {
  status: CaseStatus[]
  category: Category | null
  q: string
}

function values(raw: LocationQuery[string] | undefined): string[] {
  if (raw === undefined || raw === null) return []
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '')
}

const isStatus = (v: string): v is CaseStatus => (CASE_STATUSES as readonly string[]).includes(v)
const isCategory = (v: string): v is Category => (CATEGORIES as readonly string[]).includes(v)

export function parseCaseQuery(query: LocationQuery): { filters: CaseFilters; cursor: string | null } {
  const category = values(query.category).find(isCategory) ?? null
  return {
    filters: {
      status: [...new Set(values(query.status).filter(isStatus))],
      category,
      q: (values(query.q)[0] ?? '').trim().slice(0, 100),
    },
    cursor: values(query.cursor)[0] ?? null,
  }
}

export function toCaseQuery(filters: CaseFilters, cursor: string | null = null): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.status.length) query.status = [...filters.status]
  if (filters.category) query.category = filters.category
  const q = filters.q.trim()
  if (q) query.q = q
  if (cursor) query.cursor = cursor
  return query
}
