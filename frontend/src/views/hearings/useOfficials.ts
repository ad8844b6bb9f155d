import { shallowRef } from 'vue'
import { asProblem } from '@/api/problem'
import { useAuthStore } from '@/stores/auth'
import { getAssignments } from '@/views/cases/cases.api'
import { listActiveUsers } from './hearings.api'

export interface Official {
  id: string
  name: string
  post: string | null
}

/**
 * Accounts to pick from. The user list needs users:read; officers do not have it, so for them the
 * choice is the people assigned to the case and themselves (the server checks the final say).
 */
export function useOfficials(caseId: () => string) {
  const officials = shallowRef<Official[]>([])
  const limited = shallowRef(false)
  const loading = shallowRef(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const users = await listActiveUsers()
      officials.value = users.map((u) => ({ id: u.id, name: u.display_name, post: u.post }))
      limited.value = false
    } catch (error) {
      if (asProblem(error).status !== 403) throw error
      limited.value = true
      const me = useAuthStore().user
      const people = new Map<string, Official>()
      if (me) people.set(me.id, { id: me.id, name: me.display_name, post: me.post })
      for (const a of await getAssignments(caseId())) {
        if (a.active && a.user) people.set(a.user.id, { id: a.user.id, name: a.user.display_name, post: a.user.post })
      }
      officials.value = [...people.values()]
    } finally {
      loading.value = false
    }
  }

  return { officials, limited, loading, load }
}
