import type { components } from '@/api/schema'
import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/**
 * Who may do what on the admin pages, as backend/anjie/auth/permissions.py grants it. Routes and
 * buttons read these lists; the server enforces them either way.
 */
export const ACCOUNT_ADMINS: Role[] = rolesWith('users:write') // and orgs:write: the same roles
// Everyone may read campaigns (campaigns:read); the page is for those who run them.
export const CAMPAIGN_READERS: Role[] = ['admin', 'office', 'leader']
export const CAMPAIGN_WRITERS: Role[] = rolesWith('campaigns:write')
export const CALENDAR_WRITERS: Role[] = rolesWith('calendar:write')
export const REFERENCE_WRITERS: Role[] = rolesWith('reference:write')

export const ALL_ROLES = ['admin', 'leader', 'office', 'officer', 'observer'] as const satisfies readonly Role[]
export const ORG_KINDS = [
  'province',
  'city',
  'county',
  'committee',
  'bureau',
  'section',
  'office',
  'judicial_office',
] as const satisfies readonly components['schemas']['OrgKind'][]
export const PHASES = ['mobilisation', 'census', 'concentrated_resolution', 'summary_acceptance'] as const satisfies readonly components['schemas']['Phase'][]

/** Mainland provinces by GB/T 2260 code (the relief wage standard is per province). */
export const PROVINCES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
] as const
export type ProvinceCode = (typeof PROVINCES)[number]

type Exhaustive<All, Listed> = [All] extends [Listed] ? true : never
const _kinds: Exhaustive<components['schemas']['OrgKind'], (typeof ORG_KINDS)[number]> = true
const _phases: Exhaustive<components['schemas']['Phase'], (typeof PHASES)[number]> = true
const _roles: Exhaustive<Role, (typeof ALL_ROLES)[number]> = true
void _kinds
void _phases
void _roles
