import type { Role } from '@/api/types'

/**
 * Which roles may do what on cases, mirroring backend/anjie/auth/permissions.py so components
 * never inline role lists. The server still decides (object rules such as "officers only on
 * cases assigned to them" are its alone); these only hide what a role can never do.
 */
export const CASE_CREATE_ROLES: Role[] = ['leader', 'office']
export const CASE_WRITE_ROLES: Role[] = ['leader', 'office', 'officer']
export const CASE_TRANSITION_ROLES: Role[] = ['leader', 'office', 'officer']
/** Officers only on cases they are assigned to: the server answers 403 otherwise. */
export const PII_REVEAL_ROLES: Role[] = ['leader', 'office', 'officer']
export const ASSIGNMENT_WRITE_ROLES: Role[] = ['leader', 'office']
export const PLAN_WRITE_ROLES: Role[] = ['leader', 'office', 'officer']
export const PLAN_APPROVE_ROLES: Role[] = ['leader']
/** `GET /users` (users:read); officers cannot list users. */
export const USERS_READ_ROLES: Role[] = ['admin', 'leader', 'office', 'observer']
