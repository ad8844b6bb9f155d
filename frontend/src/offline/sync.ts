import { authFetchForOffline } from './transport'
import { listOutbox, putItem, removeItem } from './queue'

export interface FlushResult {
  sent: number
  failed: number
  /** Stopped early on a network error or 5xx (try again later). */
  stopped: boolean
}

export type Send = (path: string, body: unknown, idempotencyKey: string) => Promise<Response>

let running: Promise<FlushResult> | null = null

/**
 * Send pending items one at a time, oldest first, each with `Idempotency-Key: <id>`.
 * 2xx (or the server's stored replay) removes the item; another 4xx marks it failed for the
 * officer to fix; a network error or 5xx stops the run (the rest wait for the next flush).
 * Concurrent calls share one run.
 */
export function flush(send: Send = authFetchForOffline): Promise<FlushResult> {
  running ??= run(send).finally(() => {
    running = null
  })
  return running
}

async function run(send: Send): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, stopped: false }
  for (const item of await listOutbox()) {
    if (item.state !== 'pending') continue
    let response: Response
    try {
      response = await send(item.path, item.body, item.id)
    } catch {
      await putItem({ ...item, attempts: item.attempts + 1 })
      result.stopped = true
      break
    }
    if (response.ok) {
      await removeItem(item.id)
      result.sent += 1
    } else if (response.status >= 500 || response.status === 408 || response.status === 429 || response.status === 409) {
      // 409: the same key is still in flight on the server — try again later.
      await putItem({ ...item, attempts: item.attempts + 1 })
      result.stopped = true
      break
    } else {
      let title = response.statusText
      let detail = ''
      try {
        const body = (await response.json()) as { title?: unknown; detail?: unknown }
        if (typeof body.title === 'string') title = body.title
        if (typeof body.detail === 'string') detail = body.detail
      } catch {
        /* not JSON */
      }
      await putItem({
        ...item,
        attempts: item.attempts + 1,
        state: 'failed',
        lastError: { status: response.status, title, detail },
      })
      result.failed += 1
    }
  }
  return result
}
