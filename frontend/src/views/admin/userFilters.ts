import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Role } from '@/api/types'
import type { UserFilters } from './admin.api'
import { ALL_ROLES } from './roles'

const first = (raw: LocationQuery[string] | undefined): string => {
  const v = Array.isArray(raw) ? raw[0] : raw
  return typeof v === 'string' ? v : ''
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isRole = (v: string): v is Role => (ALL_ROLES as readonly string[]).includes(v)

/** The user list's filters and cursor live in the URL, so a filtered list can be reloaded and shared. */
export function parseUserQuery(query: LocationQuery): { filters: UserFilters; cursor: string | null } {
  const role = first(query.role)
  const unit = first(query.org_unit_id)
  const active = first(query.is_active)
  return {
    filters: {
      q: first(query.q).trim().slice(0, 100),
      role: isRole(role) ? role : null,
      org_unit_id: UUID.test(unit) ? unit : null,
      is_active: active === 'true' ? true : active === 'false' ? false : null,
    },
    cursor: first(query.cursor) || null,
  }
}

export function toUserQuery(filters: UserFilters, cursor: string | null = null): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  const q = filters.q.trim()
  if (q) query.q = q
  if (filters.role) query.role = filters.role
  if (filters.org_unit_id) query.org_unit_id = filters.org_unit_id
  if (filters.is_active !== null) query.is_active = String(filters.is_active)
  if (cursor) query.cursor = cursor
  return query
}
