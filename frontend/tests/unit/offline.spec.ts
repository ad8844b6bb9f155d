import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { claimItem, deleteFailed, enqueue, listOutbox, pendingCount, putItem, retryItem } from '@/offline/queue'
import { flush, type Send } from '@/offline/sync'

const A = { id: 'user-a', name: '张警官' }
const B = { id: 'user-b', name: '李警官' }

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
    const item = await enqueue(A, '/cases/c1/check-ins', { note: '回访' }, 1000)
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await listOutbox()).toEqual([item])
    expect(item).toMatchObject({ attempts: 0, state: 'pending', createdAt: 1000 })
    expect(await pendingCount(A.id)).toBe(1)
  })

  it('flushes oldest first with Idempotency-Key = id; 2xx removes', async () => {
    const second = await enqueue(A, '/cases/c1/check-ins', { n: 2 }, 2000)
    const first = await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000)
    const send = vi.fn<Send>(async () => status(201))
    const result = await flush(A.id, send)
    expect(send.mock.calls.map((c) => c[2])).toEqual([first.id, second.id])
    expect(send.mock.calls[0]?.[1]).toEqual({ n: 1 })
    expect(result).toEqual({ sent: 2, failed: 0, stopped: false })
    expect(await listOutbox()).toEqual([])
  })

  it('another 4xx marks the item failed and goes on', async () => {
    const bad = await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000)
    await enqueue(A, '/cases/c1/check-ins', { n: 2 }, 2000)
    const send = vi
      .fn<Send>()
      .mockResolvedValueOnce(status(422, { title: 'Validation failed', detail: '缺少回访日期' }))
      .mockResolvedValueOnce(status(201))
    const result = await flush(A.id, send)
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
    await flush(A.id, again)
    expect(again).not.toHaveBeenCalled()
  })

  it('a network error or 5xx stops the run and keeps the items', async () => {
    await enqueue(A, '/x', { n: 1 }, 1000)
    await enqueue(A, '/x', { n: 2 }, 2000)
    const offline = vi.fn<Send>(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await flush(A.id, offline)).toEqual({ sent: 0, failed: 0, stopped: true })
    expect(offline).toHaveBeenCalledTimes(1)

    const down = vi.fn<Send>(async () => status(503))
    expect((await flush(A.id, down)).stopped).toBe(true)
    expect(down).toHaveBeenCalledTimes(1)
    const items = await listOutbox()
    expect(items.map((i) => [i.state, i.attempts])).toEqual([
      ['pending', 2],
      ['pending', 0],
    ])
  })

  it('concurrent flushes share one run', async () => {
    await enqueue(A, '/x', { n: 1 })
    const send = vi.fn<Send>(async () => status(201))
    await Promise.all([flush(A.id, send), flush(A.id, send)])
    expect(send).toHaveBeenCalledTimes(1)
  })
})

describe('outbox owners', () => {
  it('flush sends only the signed-in officer’s items; the others stay queued', async () => {
    await enqueue(A, '/cases/c1/check-ins', { by: 'a1' }, 1000)
    await enqueue(B, '/cases/c2/check-ins', { by: 'b1' }, 2000)
    await enqueue(A, '/cases/c1/check-ins', { by: 'a2' }, 3000)
    await enqueue(B, '/cases/c2/check-ins', { by: 'b2' }, 4000)
    const send = vi.fn<Send>(async () => status(201, { id: 'x' }))

    expect(await flush(B.id, send)).toEqual({ sent: 2, failed: 0, stopped: false })
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ by: 'b1' }, { by: 'b2' }])
    const left = await listOutbox()
    expect(left.map((i) => [i.owner?.id, i.body])).toEqual([
      [A.id, { by: 'a1' }],
      [A.id, { by: 'a2' }],
    ])
    expect(await pendingCount(B.id)).toBe(0)
    expect(await pendingCount(A.id)).toBe(2)
  })

  it('enqueue records the owner as a plain copy', async () => {
    const item = await enqueue({ ...A, extra: 'not kept' } as typeof A, '/x', {}, 1000)
    expect(item.owner).toEqual(A)
    expect((await listOutbox())[0]!.owner).toEqual(A)
  })

  it('another officer may neither retry nor delete a failed item', async () => {
    const item = await enqueue(A, '/x', { n: 1 }, 1000)
    await flush(A.id, async () => status(422, { title: 'Validation failed' }))
    await retryItem(item.id, B.id)
    expect((await listOutbox())[0]!.state).toBe('failed')
    expect(await deleteFailed(item.id, B.id)).toBe(false)
    expect(await deleteFailed(item.id, A.id)).toBe(true)
  })

  it('an item without an owner is never sent until claimed; an owned item cannot be claimed', async () => {
    const owned = await enqueue(A, '/x', { n: 1 }, 1000)
    await putItem({ ...(await enqueue(A, '/x', { n: 2 }, 2000)), owner: null })
    const send = vi.fn<Send>(async () => status(201, { id: 'x' }))

    await flush(B.id, send)
    await flush(A.id, send)
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ n: 1 }])
    expect(await claimItem(owned.id, B)).toBe(false)

    const [orphan] = await listOutbox()
    expect(orphan!.owner).toBeNull()
    expect(await claimItem(orphan!.id, B)).toBe(true)
    expect((await listOutbox())[0]!.owner).toEqual(B)
    await flush(B.id, send)
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('upgrading a version-2 database leaves its items without an owner', async () => {
    await closeOfflineDb()
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 2)
      open.onupgradeneeded = () => {
        const outbox = open.result.createObjectStore('outbox', { keyPath: 'id' })
        outbox.createIndex('createdAt', 'createdAt')
        open.result.createObjectStore('meta')
        outbox.put({ id: 'old-1', path: '/x', method: 'POST', body: { n: 1 }, createdAt: 1, attempts: 0, state: 'pending' })
      }
      open.onsuccess = () => {
        open.result.close()
        resolve()
      }
      open.onerror = () => reject(open.error)
    })
    const [old] = await listOutbox()
    expect(old).toMatchObject({ id: 'old-1', owner: null, body: { n: 1 } })
    const send = vi.fn<Send>(async () => status(201, { id: 'x' }))
    expect(await flush(A.id, send)).toEqual({ sent: 0, failed: 0, stopped: false })
    expect(send).not.toHaveBeenCalled()
  })
})
