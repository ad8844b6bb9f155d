import type { Role } from '@/api/types'

/** attachments:write (auth/permissions.py) */
export const ATTACHMENT_WRITE_ROLES: readonly Role[] = ['leader', 'office', 'officer']
