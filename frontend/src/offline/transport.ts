import { API_BASE, authFetch } from '@/api/client'

/** Sends one outbox item through the app's authFetch (token, refresh, Accept-Language). */
export function authFetchForOffline(path: string, body: unknown, idempotencyKey: string): Promise<Response> {
  return authFetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  })
}
