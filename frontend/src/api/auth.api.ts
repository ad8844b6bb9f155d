import { api } from './client'
import { unwrap } from './problem'
import type { Me } from './types'

/** application/x-www-form-urlencoded, dropping absent fields. */
export function formEncode(body: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) if (value != null) params.set(key, value)
  return params.toString()
}

/** Password login; the refresh token comes back as an httpOnly cookie, never in the body. */
export async function login(username: string, password: string): Promise<string> {
  const result = await api.POST('/auth/token', {
    body: { grant_type: 'password', username, password, token_delivery: 'cookie' },
    bodySerializer: formEncode,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    credentials: 'same-origin',
  })
  return unwrap(result).access_token
}

export async function fetchMe(): Promise<Me> {
  return unwrap(await api.GET('/auth/me'))
}

export async function logout(): Promise<void> {
  const result = await api.POST('/auth/logout', { credentials: 'same-origin' })
  if (!result.response.ok && result.response.status !== 401) unwrap(result)
}
