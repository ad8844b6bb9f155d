import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/** hearings:write (auth/permissions.py) */
export const HEARING_WRITE_ROLES: readonly Role[] = rolesWith('hearings:write')
/** Everyone who reads cases sees the calendar; admins hold no case data. */
export const CASE_READ_ROLES: readonly Role[] = rolesWith('cases:read')
