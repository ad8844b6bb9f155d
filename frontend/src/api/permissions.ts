import type { Role } from './types'
import table from './role-permissions.json'

/**
 * What each role may do, as the server grants it: role-permissions.json is written by
 * `anjie openapi` from backend/anjie/auth/permissions.py and drift-checked with the contract.
 * Routes and buttons use it to hide what a role can never do; the server decides either way.
 */
export type Permission = (typeof table)[Role][number]

const ROLES = Object.keys(table) as Role[]

/** Every role that holds `permission`, in the server's order. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => (table[role] as readonly string[]).includes(permission))
}
