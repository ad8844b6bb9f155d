import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { fetchMe } from '@/api/auth.api'
import { refreshAccessToken } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import type { Me } from '@/api/types'
import { deleteMeta, readMeta, writeMeta } from '@/offline/db'
import { useAuthStore } from '@/stores/auth'
import { forgetCases } from './cases.api'

/** Who used the phone last: enough to record visits offline, nothing secret. */
export interface KnownUser {
  id: string
  username: string
  display_name: string
  permissions: string[]
}

/**
 * online: a live session; offline: the server is out of reach, the last user carries on capturing
 * (sync waits for a session); signedOut: the login page.
 */
export type SessionMode = 'online' | 'offline' | 'signedOut'

const KNOWN_USER_KEY = 'mobile.user'

export function knownUserOf(me: Me): KnownUser {
  return { id: me.id, username: me.username, display_name: me.display_name, permissions: [...me.permissions] }
}

/** The server out of reach or down (rather than saying no): keep the phone usable. */
function isNetworkFailure(error: unknown): boolean {
  return !(error instanceof ApiProblem) || error.status === 0 || error.status >= 500
}

/**
 * The phone app's session on top of the shared auth store. Unlike the desktop, a reload without
 * network must not end at the login page: the officer's queue and the last case list stay usable,
 * and the session is picked up again once the server answers.
 */
export const useMobileSession = defineStore('mobileSession', () => {
  const auth = useAuthStore()
  const mode = ref<SessionMode>('signedOut')
  const user = ref<KnownUser | null>(null)
  const started = ref(false)
  let connecting: Promise<boolean> | null = null

  const canRecord = computed(() => user.value?.permissions.includes('checkins:write') ?? false)

  async function goOffline(): Promise<boolean> {
    const known = await readMeta<KnownUser>(KNOWN_USER_KEY)
    user.value = known?.value ?? null
    mode.value = known ? 'offline' : 'signedOut'
    return false
  }

  async function remember(me: Me): Promise<void> {
    const known = knownUserOf(me)
    user.value = known
    mode.value = 'online'
    // The plain object: IndexedDB cannot clone Vue's reactive proxy.
    await writeMeta(KNOWN_USER_KEY, known)
  }

  async function tryConnect(): Promise<boolean> {
    try {
      if (auth.token === null && !(await refreshAccessToken())) {
        await signedOut()
        return false
      }
      const me = await fetchMe()
      auth.$patch({ user: me, ready: true })
      await remember(me)
      return true
    } catch (error) {
      if (isNetworkFailure(error)) return goOffline()
      await signedOut()
      return false
    }
  }

  /** Trade the refresh cookie for a session; offline, fall back to the last user. Never throws. */
  function connect(): Promise<boolean> {
    connecting ??= tryConnect().finally(() => {
      connecting = null
      started.value = true
    })
    return connecting
  }

  /** Before a sync: a live session, reconnecting if the app started offline. */
  async function ensureOnline(): Promise<boolean> {
    // At start the first connect may still be running: wait for it rather than report "signed out".
    if (!started.value) await connect()
    if (mode.value === 'online' && auth.token !== null) return true
    if (mode.value === 'signedOut') return false
    return connect()
  }

  async function login(username: string, password: string): Promise<void> {
    await auth.login(username, password)
    if (auth.user) await remember(auth.user)
  }

  async function signedOut(): Promise<void> {
    auth.clear()
    auth.$patch({ ready: true })
    user.value = null
    mode.value = 'signedOut'
    await deleteMeta(KNOWN_USER_KEY)
    await forgetCases()
  }

  async function logout(): Promise<void> {
    await auth.logout()
    await signedOut()
  }

  return { mode, user, started, canRecord, connect, ensureOnline, login, logout, signedOut }
})
