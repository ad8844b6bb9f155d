import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import * as authApi from '@/api/auth.api'
import { refreshAccessToken } from '@/api/client'
import type { Me, Role } from '@/api/types'

/**
 * Who is signed in. The access token lives only in memory; after a reload `restore()` trades the
 * httpOnly refresh cookie for a new one.
 */
export const useAuthStore = defineStore('auth', () => {
  const token = shallowRef<string | null>(null)
  const user = ref<Me | null>(null)
  /** True once restore() has run (whatever its outcome). */
  const ready = ref(false)
  let restoring: Promise<void> | null = null

  const roles = computed<readonly Role[]>(() => user.value?.roles ?? [])
  const isAuthenticated = computed(() => user.value !== null)

  function hasAnyRole(wanted: readonly Role[] | undefined): boolean {
    if (!wanted || wanted.length === 0) return true
    return wanted.some((role) => roles.value.includes(role))
  }

  function setToken(value: string | null): void {
    token.value = value
  }

  async function loadMe(): Promise<void> {
    user.value = await authApi.fetchMe()
  }

  async function login(username: string, password: string): Promise<void> {
    token.value = await authApi.login(username, password)
    try {
      await loadMe()
    } catch (error) {
      clear()
      throw error
    }
    ready.value = true
  }

  /** Once per page load: try the refresh cookie, then load /auth/me. Never throws. */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      try {
        if (token.value === null && !(await refreshAccessToken())) return
        await loadMe()
      } catch {
        clear()
      } finally {
        ready.value = true
      }
    })()
    return restoring
  }

  function clear(): void {
    token.value = null
    user.value = null
  }

  async function logout(): Promise<void> {
    try {
      if (token.value !== null) await authApi.logout()
    } catch {
      /* the session ends here whatever the server says */
    } finally {
      clear()
      ready.value = true
    }
  }

  return { token, user, ready, roles, isAuthenticated, hasAnyRole, setToken, login, restore, clear, logout }
})

export type AuthStore = ReturnType<typeof useAuthStore>
