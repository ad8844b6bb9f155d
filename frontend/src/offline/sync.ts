import type { OutboxError, OutboxItem } from './db'
import { listOutbox, ownedBy, putItem, removeItem } from './queue'
import { authFetchForOffline, uploadForOffline, type PhotoUpload } from './transport'

export interface FlushResult {
  sent: number
  failed: number
  /** Stopped early on a network error or 5xx (try again later). */
  stopped: boolean
}

export type Send = (path: string, body: unknown, idempotencyKey: string) => Promise<Response>
export type Upload = (photo: PhotoUpload, idempotencyKey: string) => Promise<Response>
/** Told which item is on the wire (null when the run ends), for a "syncing" state in the UI. */
export type OnProgress = (itemId: string | null) => void

let running: Promise<FlushResult> | null = null
let runningOwner: string | null = null

/**
 * Send the pending items of `ownerId` (the officer whose session sends them) one at a time, oldest
 * first, each with `Idempotency-Key: <id>`. Other officers' items stay queued for their own session.
 * 2xx (or the server's stored replay) removes the item — after its photos, if any, have uploaded
 * with the created id; another 4xx marks it failed for the officer to fix; a network error or 5xx
 * stops the run (the rest wait for the next flush). Concurrent calls share one run.
 */
export function flush(
  ownerId: string,
  send: Send = authFetchForOffline,
  upload: Upload = uploadForOffline,
  onProgress?: OnProgress,
): Promise<FlushResult> {
  if (running && runningOwner !== ownerId) {
    // A run for another session is still going (a sign-out/sign-in mid-run): wait for it, then run
    // for this one, rather than return the other officer's result.
    const previous = running
    return previous.then(
      () => flush(ownerId, send, upload, onProgress),
      () => flush(ownerId, send, upload, onProgress),
    )
  }
  runningOwner = ownerId
  running ??= run(ownerId, send, upload, onProgress).finally(() => {
    running = null
    onProgress?.(null)
  })
  return running
}

type Outcome = 'done' | 'failed' | 'stop'

async function run(ownerId: string, send: Send, upload: Upload, onProgress?: OnProgress): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, stopped: false }
  for (const item of await listOutbox()) {
    if (item.state !== 'pending' || !ownedBy(item, ownerId)) continue
    onProgress?.(item.id)
    const outcome = await syncItem(item, send, upload)
    if (outcome === 'done') result.sent += 1
    else if (outcome === 'failed') result.failed += 1
    else {
      result.stopped = true
      break
    }
  }
  return result
}

/** 408/429, a 5xx, or a 409 for a key still in flight on the server: try again later. */
function isTransient(response: Response, code: string | undefined): boolean {
  if (response.status === 409) return code !== 'check_in_already_recorded'
  return response.status >= 500 || response.status === 408 || response.status === 429
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body = (await response.json()) as unknown
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function problemOf(response: Response, body: Record<string, unknown> | null): OutboxError {
  const problem: OutboxError = {
    status: response.status,
    title: typeof body?.title === 'string' ? body.title : response.statusText,
    detail: typeof body?.detail === 'string' ? body.detail : '',
  }
  if (typeof body?.code === 'string') problem.code = body.code
  if (Array.isArray(body?.errors)) {
    problem.errors = body.errors.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null) return []
      const { pointer, detail } = e as { pointer?: unknown; detail?: unknown }
      return typeof detail === 'string' ? [{ pointer: typeof pointer === 'string' ? pointer : '#', detail }] : []
    })
  }
  return problem
}

async function syncItem(item: OutboxItem, send: Send, upload: Upload): Promise<Outcome> {
  let current = item
  const retryLater = async (): Promise<Outcome> => {
    await putItem({ ...current, attempts: current.attempts + 1 })
    return 'stop'
  }
  const fail = async (problem: OutboxError): Promise<Outcome> => {
    await putItem({ ...current, attempts: current.attempts + 1, state: 'failed', lastError: problem })
    return 'failed'
  }

  if (current.resultId === undefined) {
    let response: Response
    try {
      response = await send(current.path, current.body, current.id)
    } catch {
      return retryLater()
    }
    const body = await readJson(response)
    const code = typeof body?.code === 'string' ? body.code : undefined
    if (isTransient(response, code)) return retryLater()
    // The check-in is on file already (its idempotency record expired): take its id and go on.
    const recorded = response.status === 409 && typeof body?.check_in_id === 'string' ? body.check_in_id : null
    if (!response.ok && recorded === null) return fail(problemOf(response, body))
    const pendingPhotos = (current.photos ?? []).some((p) => !p.uploaded)
    if (!pendingPhotos) {
      await removeItem(current.id)
      return 'done'
    }
    const id = recorded ?? (typeof body?.id === 'string' ? body.id : null)
    if (id === null) {
      return fail({ status: response.status, title: 'No id in the response', detail: '', code: 'no_result_id' })
    }
    current = { ...current, resultId: id }
    await putItem(current)
  }

  for (const photo of current.photos ?? []) {
    if (photo.uploaded) continue
    let response: Response
    try {
      const blob = new Blob([photo.data], { type: photo.type })
      response = await upload({ ownerId: current.resultId!, blob, name: photo.name }, photo.id)
    } catch {
      return retryLater()
    }
    if (response.ok) {
      current = {
        ...current,
        photos: (current.photos ?? []).map((p) => (p.id === photo.id ? { ...p, uploaded: true } : p)),
      }
      await putItem(current)
      continue
    }
    const body = await readJson(response)
    if (isTransient(response, typeof body?.code === 'string' ? body.code : undefined)) return retryLater()
    return fail(problemOf(response, body))
  }
  await removeItem(current.id)
  return 'done'
}
