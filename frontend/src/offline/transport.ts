import { API_BASE, authFetch } from '@/api/client'

/** Sends one outbox item through the app's authFetch (token, refresh, Accept-Language). */
export function authFetchForOffline(path: string, body: unknown, idempotencyKey: string): Promise<Response> {
  return authFetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  })
}

export interface PhotoUpload {
  /** The created resource the photo belongs to (a check-in). */
  ownerId: string
  blob: Blob
  name: string
}

/**
 * Uploads a queued photo as an attachment of its check-in. The key makes a retry after a lost
 * answer return the stored attachment instead of a second copy.
 */
export function uploadForOffline(photo: PhotoUpload, idempotencyKey: string): Promise<Response> {
  const form = new FormData()
  form.set('owner_type', 'check_in')
  form.set('owner_id', photo.ownerId)
  form.set('file', photo.blob, photo.name)
  return authFetch(`${API_BASE}/attachments`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: form,
  })
}
