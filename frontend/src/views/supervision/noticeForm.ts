import type { AssignmentOut } from '@/views/cases/cases.api'
import type { RoleInCase } from '@/api/types'

export interface HolderChoice {
  id: string
  name: string
  roles: RoleInCase[]
}

/**
 * The people a notice may be addressed to: each active holder of the case once, with every role
 * they hold on it (a leader may hold the case and also be its responsible person). Units are not
 * addressees; the leader first, then the responsible person, in the order the 包案 roles are listed.
 */
export function holderChoices(assignments: readonly AssignmentOut[]): HolderChoice[] {
  const byUser = new Map<string, HolderChoice>()
  for (const a of assignments) {
    if (!a.active || !a.user) continue
    const seen = byUser.get(a.user.id)
    if (seen) {
      if (!seen.roles.includes(a.role_in_case)) seen.roles.push(a.role_in_case)
    } else byUser.set(a.user.id, { id: a.user.id, name: a.user.display_name, roles: [a.role_in_case] })
  }
  return [...byUser.values()]
}
