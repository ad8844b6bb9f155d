import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { enqueue, listOutbox, pendingCount } from '@/offline/queue'
import { flush, type Send } from '@/offline/sync'

afterEach(async () => {
  await closeOfflineDb()
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
})

const status = (code: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } })

describe('offline outbox', () => {
  it('enqueue stores the body with a UUID and pending state', async () => {
    const item = await enqueue('/cases/c1/check-ins', { note: '回访' }, 1000)
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await listOutbox()).toEqual([item])
    expect(item).toMatchObject({ attempts: 0, state: 'pending', createdAt: 1000 })
    expect(await pendingCount()).toBe(1)
  })

  it('flushes oldest first with Idempotency-Key = id; 2xx removes', async () => {
    const second = await enqueue('/cases/c1/check-ins', { n: 2 }, 2000)
    const first = await enqueue('/cases/c1/check-ins', { n: 1 }, 1000)
    const send = vi.fn<Send>(async () => status(201))
    const result = await flush(send)
    expect(send.mock.calls.map((c) => c[2])).toEqual([first.id, second.id])
    expect(send.mock.calls[0]?.[1]).toEqual({ n: 1 })
    expect(result).toEqual({ sent: 2, failed: 0, stopped: false })
    expect(await listOutbox()).toEqual([])
  })

  it('another 4xx marks the item failed and goes on', async () => {
    const bad = await enqueue('/cases/c1/check-ins', { n: 1 }, 1000)
    await enqueue('/cases/c1/check-ins', { n: 2 }, 2000)
    const send = vi
      .fn<Send>()
      .mockResolvedValueOnce(status(422, { title: 'Validation failed', detail: '缺少回访日期' }))
      .mockResolvedValueOnce(status(201))
    const result = await flush(send)
    expect(result).toEqual({ sent: 1, failed: 1, stopped: false })
    const left = await listOutbox()
    expect(left).toHaveLength(1)
    expect(left[0]).toMatchObject({
      id: bad.id,
      state: 'failed',
      attempts: 1,
      lastError: { status: 422, title: 'Validation failed', detail: '缺少回访日期' },
    })
    // A failed item is not re-sent by the next flush.
    const again = vi.fn<Send>(async () => status(201))
    await flush(again)
    expect(again).not.toHaveBeenCalled()
  })

  it('a network error or 5xx stops the run and keeps the items', async () => {
    await enqueue('/x', { n: 1 }, 1000)
    await enqueue('/x', { n: 2 }, 2000)
    const offline = vi.fn<Send>(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await flush(offline)).toEqual({ sent: 0, failed: 0, stopped: true })
    expect(offline).toHaveBeenCalledTimes(1)

    const down = vi.fn<Send>(async () => status(503))
    expect((await flush(down)).stopped).toBe(true)
    expect(down).toHaveBeenCalledTimes(1)
    const items = await listOutbox()
    expect(items.map((i) => [i.state, i.attempts])).toEqual([
      ['pending', 2],
      ['pending', 0],
    ])
  })

  it('concurrent flushes share one run', async () => {
    await enqueue('/x', { n: 1 })
    const send = vi.fn<Send>(async () => status(201))
    await Promise.all([flush(send), flush(send)])
    expect(send).toHaveBeenCalledTimes(1)
  })
})
