import { storeToRefs } from 'pinia'
import type { Role } from '@/api/types'
import { useAuthStore } from '@/stores/auth'

/** Role checks for buttons and sections: `v-if="can(['leader', 'office'])"`. */
export function useRole() {
  const auth = useAuthStore()
  const { roles } = storeToRefs(auth)
  return { roles, can: (wanted: readonly Role[]) => auth.hasAnyRole(wanted) }
}
