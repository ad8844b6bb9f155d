import type { Role } from '@/api/types'

/** cases:read (backend permissions.py): everyone but the administrator, who sees no case data. */
export const PRINT_READERS: Role[] = ['leader', 'office', 'officer', 'observer']
