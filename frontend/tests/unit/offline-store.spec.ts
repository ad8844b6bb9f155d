import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { enqueue, putItem } from '@/offline/queue'
import type { Send, Upload } from '@/offline/sync'
import { backoffDelay, configureOfflineSync, useOfflineStore } from '@/stores/offline'

const json = (code: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } })

let send = vi.fn<Send>()
let upload = vi.fn<Upload>()
let allowed = true
/** Whose session the next flush sends with. */
let sessionUser = 'user-a'
const A = { id: 'user-a', name: '张警官' }
const B = { id: 'user-b', name: '李警官' }

beforeEach(() => {
  setActivePinia(createPinia())
  send = vi.fn<Send>(async () => json(201, { id: 'ci-1' }))
  upload = vi.fn<Upload>(async () => json(201, { id: 'att-1' }))
  allowed = true
  sessionUser = A.id
  configureOfflineSync({ send, upload, beforeFlush: async () => (allowed ? sessionUser : null) })
  // Set directly: setOwner would start a flush before the test has set the store up.
  useOfflineStore().owner = { ...A }
})

afterEach(async () => {
  useOfflineStore().stop()
  await closeOfflineDb()
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
})

describe('backoffDelay', () => {
  it('doubles from 5 s and stops at 5 min', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([5_000, 10_000, 20_000, 40_000])
    expect(backoffDelay(20)).toBe(300_000)
    expect(backoffDelay(0)).toBe(0)
  })
})

describe('offline store', () => {
  it('counts pending and failed items', async () => {
    await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000)
    await enqueue(A, '/cases/c1/check-ins', { n: 2 }, 2000)
    const store = useOfflineStore()
    await store.refresh()
    expect([store.pendingCount, store.failedCount]).toEqual([2, 0])

    send.mockResolvedValueOnce(json(422, { title: 'Validation failed' })).mockResolvedValueOnce(json(201, { id: 'x' }))
    const result = await store.flushNow()
    expect(result).toEqual({ sent: 1, failed: 1, stopped: false })
    expect([store.pendingCount, store.failedCount]).toEqual([0, 1])
  })

  it('does not flush while offline or without a session', async () => {
    const store = useOfflineStore()
    store.online = false
    await store.capture('/cases/c1/check-ins', { n: 1 })
    expect(store.pendingCount).toBe(1)
    expect(await store.flushNow()).toBeNull()
    store.online = true
    allowed = false
    expect(await store.flushNow()).toBeNull()
    expect(send).not.toHaveBeenCalled()
    // No session yet (server out of reach at start): tried again later.
    expect(store.nextRetryAt).not.toBeNull()
  })

  it('capture while online sends right away', async () => {
    const store = useOfflineStore()
    store.online = true
    await store.capture('/cases/c1/check-ins', { n: 1 })
    await vi.waitFor(() => expect(store.pendingCount).toBe(0))
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('retry puts a failed item back and sends it; delete removes only failed items', async () => {
    const store = useOfflineStore()
    store.online = false
    const item = await store.capture('/cases/c1/check-ins', { n: 1 })
    expect(await store.removeFailed(item.id)).toBe(false)
    store.online = true
    send.mockResolvedValueOnce(json(422, { title: 'Validation failed' }))
    await store.flushNow()
    expect(store.failedCount).toBe(1)
    expect(store.statusOf(store.items[0]!)).toBe('failed')

    await store.retry(item.id)
    await vi.waitFor(() => expect(store.items).toHaveLength(0))
    expect(send).toHaveBeenCalledTimes(2)

    store.online = false
    const other = await store.capture('/cases/c1/check-ins', { n: 2 })
    store.online = true
    send.mockResolvedValueOnce(json(422, { title: 'Validation failed' }))
    await store.flushNow()
    expect(await store.removeFailed(other.id)).toBe(true)
    expect(store.items).toEqual([])
  })

  it('a network error schedules a retry with back-off; going offline cancels it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const store = useOfflineStore()
      store.online = true
      await enqueue(A, '/x', { n: 1 })
      send.mockRejectedValueOnce(new TypeError('Failed to fetch'))
      const before = Date.now()
      expect((await store.flushNow())?.stopped).toBe(true)
      expect(store.nextRetryAt).toBe(before + 5_000)
      store.setOnline(false)
      expect(store.nextRetryAt).toBeNull()
      expect(store.pendingCount).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('offline store with two officers on one phone', () => {
  async function queueForBoth(): Promise<void> {
    await enqueue(A, '/cases/c1/check-ins', { by: 'a1' }, 1000)
    await enqueue(B, '/cases/c2/check-ins', { by: 'b1' }, 2000)
    await enqueue(A, '/cases/c1/check-ins', { by: 'a2' }, 3000)
  }

  it('counts only the signed-in officer’s items and the others separately', async () => {
    await queueForBoth()
    const store = useOfflineStore()
    store.owner = { ...B }
    await store.refresh()
    expect([store.pendingCount, store.failedCount, store.othersCount]).toEqual([1, 0, 2])
    expect(store.mine.map((i) => i.body)).toEqual([{ by: 'b1' }])
    expect(store.others.map((i) => i.owner?.name)).toEqual([A.name, A.name])
  })

  it('flushing as B sends only B’s items, with B’s session', async () => {
    await queueForBoth()
    const store = useOfflineStore()
    store.owner = { ...B }
    sessionUser = B.id
    store.online = true
    expect(await store.flushNow()).toEqual({ sent: 1, failed: 0, stopped: false })
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ by: 'b1' }])
    expect(store.items.map((i) => i.owner?.id)).toEqual([A.id, A.id])
    expect([store.pendingCount, store.othersCount]).toEqual([0, 2])
  })

  it('sends by the session’s user even if the display owner lags behind', async () => {
    await queueForBoth()
    const store = useOfflineStore()
    store.owner = { ...A }
    sessionUser = B.id
    store.online = true
    await store.flushNow()
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ by: 'b1' }])
  })

  it('signing in as another officer flushes that officer’s waiting items', async () => {
    await queueForBoth()
    const store = useOfflineStore()
    store.online = true
    await store.refresh()
    sessionUser = B.id
    store.setOwner(B)
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1))
    expect(send.mock.calls[0]![1]).toEqual({ by: 'b1' })
    await vi.waitFor(() => expect(store.flushing).toBe(false))
    expect(store.items).toHaveLength(2)
  })

  it('captures belong to the current owner; without one nothing is captured', async () => {
    const store = useOfflineStore()
    store.online = false
    store.owner = { ...B }
    const item = await store.capture('/x', { n: 1 })
    expect(item.owner).toEqual(B)
    store.setOwner(null)
    await expect(store.capture('/x', { n: 2 })).rejects.toThrow()
    expect(store.items).toHaveLength(1)
    expect(store.pendingCount).toBe(0)
    expect(store.othersCount).toBe(1)
  })

  it('retry and delete do nothing to another officer’s failed item', async () => {
    const store = useOfflineStore()
    store.online = true
    await enqueue(A, '/x', { n: 1 }, 1000)
    send.mockResolvedValueOnce(json(422, { title: 'Validation failed' }))
    await store.flushNow()
    const [failed] = store.items
    store.owner = { ...B }
    expect(await store.removeFailed(failed!.id)).toBe(false)
    await store.retry(failed!.id)
    expect(store.items[0]!.state).toBe('failed')
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('claiming an item of unknown owner makes it the officer’s and sends it', async () => {
    const item = await enqueue(A, '/x', { n: 1 }, 1000)
    await putItem({ ...item, owner: null })
    const store = useOfflineStore()
    store.online = true
    await store.refresh()
    expect([store.pendingCount, store.othersCount]).toEqual([0, 1])
    expect(await store.flushNow()).toEqual({ sent: 0, failed: 0, stopped: false })
    expect(send).not.toHaveBeenCalled()
    expect(await store.claim(item.id)).toBe(true)
    await vi.waitFor(() => expect(store.items).toHaveLength(0))
    expect(send).toHaveBeenCalledTimes(1)
  })
})
