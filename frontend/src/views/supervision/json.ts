import { API_BASE, authFetch } from '@/api/client'
import { problemFromResponse } from '@/api/problem'

/**
 * JSON over the authenticated fetch, for the supervision paths that the generated client does not
 * type yet (notices, notifications, accountability are being added to the contract alongside this
 * app). Each caller names the shape it expects; once the contract has the paths these calls move to
 * the typed client.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Record<string, string | number | boolean | undefined>; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const url = new URL(`${API_BASE}${path}`, globalThis.location?.href ?? 'http://localhost/')
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) }
  const init: RequestInit = { method, headers }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(options.body)
  }
  const response = await authFetch(url.pathname + url.search, init)
  if (!response.ok) throw await problemFromResponse(response)
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T)
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

/** Every page of a keyset list (the lists here are small: a county's open notices, one case's records). */
export async function allPages<T>(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<T[]> {
  const all: T[] = []
  let cursor: string | undefined
  do {
    const page = await requestJson<Page<T>>('GET', path, { query: { ...query, limit: 200, cursor } })
    all.push(...page.items)
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return all
}
