import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/** attachments:write (auth/permissions.py) */
export const ATTACHMENT_WRITE_ROLES: readonly Role[] = rolesWith('attachments:write')
