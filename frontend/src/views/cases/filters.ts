import dayjs from 'dayjs'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ApiPaths } from '@/api/client'
import type { components } from '@/api/schema'
import type { CaseStatus, Category } from '@/api/types'
import {
  CASE_SORTS,
  RECEIVING_ORGANS,
  RISK_LEVELS,
  THREE_CROSS_FLAGS,
  isOneOf,
  type CaseSort,
  type ReceivingOrgan,
  type RiskLevel,
  type ThreeCrossFlag,
} from './enums'

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

export const DEFAULT_SORT: CaseSort = '-updated_at'

/**
 * The list's filters, one per query parameter of `GET /cases`, kept in the URL query so a list
 * can be bookmarked, shared and reloaded (a saved filter is just a URL).
 */
export interface CaseFilters {
  status: CaseStatus[]
  category: Category | null
  receiving_organ: ReceivingOrgan | null
  risk_level: RiskLevel | null
  three_cross_flag: ThreeCrossFlag[]
  sensitive_period: boolean | null
  threat_recorded: boolean | null
  in_scope: boolean | null
  campaign_id: string | null
  org_unit_id: string | null
  responsible_leader_id: string | null
  responsible_person_id: string | null
  /** A calendar day (YYYY-MM-DD): cases changed on or after its start, local time. */
  updated_after: string | null
  q: string
  sort: CaseSort
}

export type CaseApiQuery = NonNullable<ApiPaths['/cases']['get']['parameters']['query']>

export function emptyFilters(): CaseFilters {
  return {
    status: [],
    category: null,
    receiving_organ: null,
    risk_level: null,
    three_cross_flag: [],
    sensitive_period: null,
    threat_recorded: null,
    in_scope: null,
    campaign_id: null,
    org_unit_id: null,
    responsible_leader_id: null,
    responsible_person_id: null,
    updated_after: null,
    q: '',
    sort: DEFAULT_SORT,
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = /^\d{4}-\d{2}-\d{2}$/
const BOOL_KEYS = ['sensitive_period', 'threat_recorded', 'in_scope'] as const
const ID_KEYS = ['campaign_id', 'org_unit_id', 'responsible_leader_id', 'responsible_person_id'] as const

function values(raw: LocationQuery[string] | undefined): string[] {
  if (raw === undefined || raw === null) return []
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '')
}
function first(raw: LocationQuery[string] | undefined): string | null {
  return values(raw)[0] ?? null
}
function oneOf<T extends string>(list: readonly T[], raw: LocationQuery[string] | undefined): T | null {
  return values(raw).find((v): v is T => isOneOf(list, v)) ?? null
}
function manyOf<T extends string>(list: readonly T[], raw: LocationQuery[string] | undefined): T[] {
  return [...new Set(values(raw).filter((v): v is T => isOneOf(list, v)))]
}
function bool(raw: LocationQuery[string] | undefined): boolean | null {
  const v = first(raw)
  return v === 'true' ? true : v === 'false' ? false : null
}
function day(raw: LocationQuery[string] | undefined): string | null {
  const v = first(raw)
  return v !== null && DAY.test(v) && dayjs(v).isValid() ? v : null
}

/** Unknown or malformed values are dropped: a hand-edited URL never reaches the API as a 422. */
export function parseCaseQuery(query: LocationQuery): { filters: CaseFilters; cursor: string | null } {
  const filters: CaseFilters = {
    ...emptyFilters(),
    status: manyOf(CASE_STATUSES, query.status),
    category: oneOf(CATEGORIES, query.category),
    receiving_organ: oneOf(RECEIVING_ORGANS, query.receiving_organ),
    risk_level: oneOf(RISK_LEVELS, query.risk_level),
    three_cross_flag: manyOf(THREE_CROSS_FLAGS, query.three_cross_flag),
    updated_after: day(query.updated_after),
    q: (first(query.q) ?? '').trim().slice(0, 100),
    sort: oneOf(CASE_SORTS, query.sort) ?? DEFAULT_SORT,
  }
  for (const key of BOOL_KEYS) filters[key] = bool(query[key])
  for (const key of ID_KEYS) {
    const v = first(query[key])
    filters[key] = v !== null && UUID.test(v) ? v.toLowerCase() : null
  }
  return { filters, cursor: first(query.cursor) }
}

export function toCaseQuery(filters: CaseFilters, cursor: string | null = null): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.status.length) query.status = [...filters.status]
  if (filters.category) query.category = filters.category
  if (filters.receiving_organ) query.receiving_organ = filters.receiving_organ
  if (filters.risk_level) query.risk_level = filters.risk_level
  if (filters.three_cross_flag.length) query.three_cross_flag = [...filters.three_cross_flag]
  for (const key of BOOL_KEYS) if (filters[key] !== null) query[key] = String(filters[key])
  for (const key of ID_KEYS) if (filters[key]) query[key] = filters[key]
  if (filters.updated_after) query.updated_after = filters.updated_after
  const q = filters.q.trim()
  if (q) query.q = q
  if (filters.sort !== DEFAULT_SORT) query.sort = filters.sort
  if (cursor) query.cursor = cursor
  return query
}

/** The `GET /cases` query for these filters; unset filters are left out. */
export function toApiQuery(filters: CaseFilters): CaseApiQuery {
  const query: CaseApiQuery = { sort: filters.sort }
  if (filters.status.length) query.status = [...filters.status]
  if (filters.category) query.category = filters.category
  if (filters.receiving_organ) query.receiving_organ = filters.receiving_organ
  if (filters.risk_level) query.risk_level = filters.risk_level
  if (filters.three_cross_flag.length) query.three_cross_flag = [...filters.three_cross_flag]
  for (const key of BOOL_KEYS) if (filters[key] !== null) query[key] = filters[key]
  for (const key of ID_KEYS) if (filters[key]) query[key] = filters[key]
  // The API wants an aware datetime: the start of that day in the user's time zone.
  if (filters.updated_after) query.updated_after = dayjs(filters.updated_after).startOf('day').format()
  const q = filters.q.trim()
  if (q) query.q = q
  return query
}

/** How many filters narrow the list (sort and text search aside), for the "more filters" badge. */
export function activeFilterCount(filters: CaseFilters): number {
  let n = 0
  if (filters.receiving_organ) n++
  if (filters.risk_level) n++
  if (filters.three_cross_flag.length) n++
  for (const key of BOOL_KEYS) if (filters[key] !== null) n++
  for (const key of ID_KEYS) if (filters[key]) n++
  if (filters.updated_after) n++
  return n
}
