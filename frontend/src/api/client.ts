import createClient from 'openapi-fetch'
import type { paths } from './schema'

/**
 * The contract's paths carry the `/api/v1` prefix; the client's baseUrl does too, so code writes
 * `/cases/{case_id}`. This strips the prefix at the type level (healthz/readyz drop out).
 */
export type ApiPaths = {
  [K in keyof paths as K extends `/api/v1${infer Rest}` ? Rest : never]: paths[K]
}

export const API_BASE = '/api/v1'
const TOKEN_URL = `${API_BASE}/auth/token`

export interface AuthHooks {
  /** The in-memory access token (never persisted). */
  getToken(): string | null
  setToken(token: string | null): void
  /** Sent as Accept-Language so problem `detail` comes back in the user's language. */
  getLocale(): string
  /** Called when a refresh fails: the session is over (log out, go to /login?redirect=…). */
  onAuthLost(): void | Promise<void>
}

function isAuthPath(url: string): boolean {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname.startsWith(
    `${API_BASE}/auth/`,
  )
}

/**
 * A fetch wrapper for the typed client: adds the bearer token and Accept-Language; on a 401 from a
 * non-auth endpoint it awaits one shared refresh (concurrent 401s share it) and retries the request
 * once. A refresh the server refuses ends the session via `hooks.onAuthLost`.
 */
export function createAuthFetch(hooks: AuthHooks) {
  let refreshing: Promise<boolean> | null = null

  function withHeaders(request: Request, token: string | null): Request {
    const headers = new Headers(request.headers)
    if (token) headers.set('Authorization', `Bearer ${token}`)
    else headers.delete('Authorization')
    if (!headers.has('Accept-Language')) headers.set('Accept-Language', hooks.getLocale())
    return new Request(request, { headers })
  }

  async function doRefresh(): Promise<boolean> {
    // The refresh token travels only in the httpOnly cookie (path /api/v1/auth).
    const response = await globalThis.fetch(TOKEN_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        'Accept-Language': hooks.getLocale(),
      },
      body: new URLSearchParams({ grant_type: 'refresh_token' }).toString(),
    })
    if (!response.ok) {
      hooks.setToken(null)
      return false
    }
    const body = (await response.json()) as { access_token?: unknown }
    if (typeof body.access_token !== 'string') {
      hooks.setToken(null)
      return false
    }
    hooks.setToken(body.access_token)
    return true
  }

  /**
   * One refresh at a time: callers arriving while one is in flight share its result. A network
   * error rejects (the session may still be fine), a refused refresh resolves false.
   */
  function refreshAccessToken(): Promise<boolean> {
    refreshing ??= doRefresh().finally(() => {
      refreshing = null
    })
    return refreshing
  }

  async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, { credentials: 'same-origin', ...init })
    const sentToken = hooks.getToken()
    const authPath = isAuthPath(request.url)
    // Clone before sending: a sent body cannot be read again.
    const spare = authPath ? null : request.clone()
    const response = await globalThis.fetch(withHeaders(request, sentToken))
    if (response.status !== 401 || spare === null) return response

    // Another request may already have refreshed while this one was in flight.
    const current = hooks.getToken()
    const renewed = current !== null && current !== sentToken ? true : await refreshAccessToken()
    if (!renewed) {
      await hooks.onAuthLost()
      return response
    }
    return globalThis.fetch(withHeaders(spare, hooks.getToken()))
  }

  return { authFetch, refreshAccessToken }
}

export function createApiClient(hooks: AuthHooks) {
  const { authFetch, refreshAccessToken } = createAuthFetch(hooks)
  const client = createClient<ApiPaths>({ baseUrl: API_BASE, fetch: authFetch })
  return { client, authFetch, refreshAccessToken }
}

/** Filled in by main.ts (auth store, prefs store, router); read at call time. */
const hooks: AuthHooks = {
  getToken: () => null,
  setToken: () => undefined,
  getLocale: () => 'zh-CN',
  onAuthLost: () => undefined,
}

export function configureApi(overrides: Partial<AuthHooks>): void {
  Object.assign(hooks, overrides)
}

const singleton = createApiClient(hooks)
/** The app's one typed client. Only `*.api.ts` modules use it. */
export const api = singleton.client
export const refreshAccessToken = singleton.refreshAccessToken
export const authFetch = singleton.authFetch

export type { paths, components } from './schema'
