import { API_BASE, api, authFetch } from '@/api/client'
import { problemFromResponse, toProblem, unwrap } from '@/api/problem'
import type { components } from '@/api/schema'
import { useAuthStore } from '@/stores/auth'
import { usePrefsStore } from '@/stores/prefs'

type S = components['schemas']
export type AttachmentOut = S['AttachmentOut']
export type OwnerType = S['OwnerType']

export async function listAttachments(ownerType: OwnerType, ownerId: string): Promise<AttachmentOut[]> {
  const items: AttachmentOut[] = []
  let cursor: string | null = null
  // An owner has a handful of files; the cap only guards against a runaway loop.
  for (let page = 0; page < 10; page++) {
    const result: S['Page_AttachmentOut_'] = unwrap(
      await api.GET('/attachments', {
        params: { query: { owner_type: ownerType, owner_id: ownerId, limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    )
    items.push(...result.items)
    cursor = result.next_cursor
    if (!cursor) break
  }
  return items
}

function uploadForm(file: File, ownerType: OwnerType, ownerId: string, description?: string): FormData {
  const form = new FormData()
  form.append('owner_type', ownerType)
  form.append('owner_id', ownerId)
  if (description) form.append('description', description)
  form.append('file', file, file.name)
  return form
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export interface UploadOptions {
  description?: string
  /** 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

/**
 * Upload one file. fetch cannot report upload progress, so the bytes go by XMLHttpRequest with the
 * same in-memory bearer token and headers authFetch would add. A 401 (the token expired meanwhile)
 * is sent again through authFetch, which refreshes once and ends the session if that fails.
 */
export async function uploadAttachment(
  file: File,
  ownerType: OwnerType,
  ownerId: string,
  options: UploadOptions = {},
): Promise<AttachmentOut> {
  const key = crypto.randomUUID()
  const url = `${API_BASE}/attachments`
  const token = useAuthStore().token
  const locale = usePrefsStore().locale
  const first = await new Promise<{ status: number; statusText: string; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', locale)
    xhr.setRequestHeader('Idempotency-Key', key)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText })
    xhr.onerror = () => reject(new TypeError('network error'))
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(uploadForm(file, ownerType, ownerId, options.description))
  })
  if (first.status === 401) {
    const response = await authFetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Idempotency-Key': key },
      body: uploadForm(file, ownerType, ownerId, options.description),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    if (!response.ok) throw await problemFromResponse(response)
    options.onProgress?.(100)
    return (await response.json()) as AttachmentOut
  }
  const body = parseBody(first.text)
  if (first.status < 200 || first.status >= 300) throw toProblem(first.status, body, first.statusText)
  return body as AttachmentOut
}

/** The file's bytes through the authenticated client (the token never goes into a URL). */
export async function fetchAttachmentBlob(id: string): Promise<Blob> {
  const response = await authFetch(`${API_BASE}/attachments/${encodeURIComponent(id)}/content`)
  if (!response.ok) throw await problemFromResponse(response)
  return response.blob()
}

/** Save a blob under its name via a short-lived object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/** 1536 → `1.5 KB`; binary units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`
}
