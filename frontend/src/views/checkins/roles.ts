import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/** checkins:write (auth/permissions.py) */
export const CHECKIN_WRITE_ROLES: readonly Role[] = rolesWith('checkins:write')
