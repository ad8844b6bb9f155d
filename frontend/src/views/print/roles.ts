import { rolesWith } from '@/api/permissions'
import type { Role } from '@/api/types'

/** cases:read (backend permissions.py): everyone but the administrator, who sees no case data. */
export const PRINT_READERS: Role[] = rolesWith('cases:read')
