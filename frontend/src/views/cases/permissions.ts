import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/**
 * Which roles may do what on cases, from the server's role permissions, so components
 * never inline role lists. The server still decides (object rules such as "officers only on
 * cases assigned to them" are its alone); these only hide what a role can never do.
 */
export const CASE_CREATE_ROLES: Role[] = rolesWith('cases:create')
export const CASE_WRITE_ROLES: Role[] = rolesWith('cases:write')
export const CASE_TRANSITION_ROLES: Role[] = rolesWith('cases:transition')
/** Officers only on cases they are assigned to: the server answers 403 otherwise. */
export const PII_REVEAL_ROLES: Role[] = rolesWith('pii:reveal')
export const ASSIGNMENT_WRITE_ROLES: Role[] = rolesWith('assignments:write')
export const PLAN_WRITE_ROLES: Role[] = rolesWith('plans:write')
export const PLAN_APPROVE_ROLES: Role[] = rolesWith('plans:approve')
/** `GET /users` (users:read); officers cannot list users. */
export const USERS_READ_ROLES: Role[] = rolesWith('users:read')
