import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { enqueue } from '@/offline/queue'
import type { Send, Upload } from '@/offline/sync'
import { backoffDelay, configureOfflineSync, useOfflineStore } from '@/stores/offline'

const json = (code: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } })

let send = vi.fn<Send>()
let upload = vi.fn<Upload>()
let allowed = true

beforeEach(() => {
  setActivePinia(createPinia())
  send = vi.fn<Send>(async () => json(201, { id: 'ci-1' }))
  upload = vi.fn<Upload>(async () => json(201, { id: 'att-1' }))
  allowed = true
  configureOfflineSync({ send, upload, beforeFlush: async () => allowed })
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
    await enqueue('/cases/c1/check-ins', { n: 1 }, 1000)
    await enqueue('/cases/c1/check-ins', { n: 2 }, 2000)
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
      await enqueue('/x', { n: 1 })
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
