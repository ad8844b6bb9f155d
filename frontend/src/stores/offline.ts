import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OutboxItem, OutboxOwner } from '@/offline/db'
import { claimItem, deleteFailed, enqueue, listOutbox, ownedBy, retryItem, type EnqueueOptions } from '@/offline/queue'
import { flush, type FlushResult, type Send, type Upload } from '@/offline/sync'
import { authFetchForOffline, uploadForOffline } from '@/offline/transport'

export interface OfflineSyncConfig {
  send: Send
  upload: Upload
  /**
   * Called before each flush: make sure there is a session to send with and say whose it is (the
   * id of the user the token belongs to). null: no session now.
   */
  beforeFlush: () => Promise<string | null>
}

const config: OfflineSyncConfig = {
  send: authFetchForOffline,
  upload: uploadForOffline,
  beforeFlush: async () => null,
}

/** Filled in by the phone app's main.ts (and by tests with fakes). */
export function configureOfflineSync(overrides: Partial<OfflineSyncConfig>): void {
  Object.assign(config, overrides)
}

const FIRST_RETRY_MS = 5_000
const MAX_RETRY_MS = 5 * 60_000

/** Wait before the n-th retry in a row after a network error or 5xx: 5 s, 10 s, 20 s … at most 5 min. */
export function backoffDelay(consecutiveStops: number): number {
  if (consecutiveStops < 1) return 0
  return Math.min(FIRST_RETRY_MS * 2 ** (consecutiveStops - 1), MAX_RETRY_MS)
}

export type ItemStatus = 'pending' | 'syncing' | 'failed'

/**
 * The outbox as the phone app shows it: counts for the header badge, the list, and the flush.
 * Items belong to the officer who captured them; counts and sends are the signed-in officer's only.
 */
export const useOfflineStore = defineStore('offline', () => {
  const items = shallowRef<OutboxItem[]>([])
  /** The officer using the phone (online or carrying on offline); null when signed out. */
  const owner = ref<OutboxOwner | null>(null)
  const syncingId = ref<string | null>(null)
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const flushing = ref(false)
  const lastResult = ref<FlushResult | null>(null)
  const nextRetryAt = ref<number | null>(null)

  const ownerId = computed(() => owner.value?.id ?? null)
  const mine = computed(() => items.value.filter((i) => ownedBy(i, ownerId.value)))
  /** Other officers' items and those whose owner is unknown: kept, shown, never sent by this session. */
  const others = computed(() => items.value.filter((i) => !ownedBy(i, ownerId.value)))
  const pendingCount = computed(() => mine.value.filter((i) => i.state === 'pending').length)
  const failedCount = computed(() => mine.value.filter((i) => i.state === 'failed').length)
  const othersCount = computed(() => others.value.length)

  let consecutiveStops = 0
  /** Something was queued or retried during a run: that run listed the outbox before it. */
  let rerun = false
  let retryTimer: ReturnType<typeof setTimeout> | null = null

  function statusOf(item: OutboxItem): ItemStatus {
    if (item.state === 'failed') return 'failed'
    return syncingId.value === item.id ? 'syncing' : 'pending'
  }

  async function refresh(): Promise<void> {
    items.value = await listOutbox()
  }

  function cancelRetry(): void {
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
    nextRetryAt.value = null
  }

  function scheduleRetry(): void {
    cancelRetry()
    const delay = backoffDelay(consecutiveStops)
    nextRetryAt.value = Date.now() + delay
    retryTimer = setTimeout(() => {
      retryTimer = null
      nextRetryAt.value = null
      void flushNow()
    }, delay)
  }

  /** One run at a time (the outbox shares runs too); null when offline or without a session. */
  async function flushNow(): Promise<FlushResult | null> {
    if (!online.value) return null
    if (flushing.value) {
      rerun = true
      return null
    }
    flushing.value = true
    rerun = false
    try {
      const sessionUser = await config.beforeFlush()
      if (sessionUser === null) {
        // No session yet (the server was out of reach): try again later, like a network error.
        consecutiveStops += 1
        scheduleRetry()
        return null
      }
      cancelRetry()
      const result = await flush(sessionUser, config.send, config.upload, (id) => {
        syncingId.value = id
        void refresh()
      })
      lastResult.value = result
      if (result.stopped) {
        consecutiveStops += 1
        scheduleRetry()
      } else {
        consecutiveStops = 0
      }
      return result
    } finally {
      flushing.value = false
      syncingId.value = null
      await refresh()
      if (rerun && consecutiveStops === 0) void flushNow()
    }
  }

  /** Save at capture time; when online, send it right away (without waiting for the answer). */
  async function capture(path: string, body: unknown, options: EnqueueOptions = {}): Promise<OutboxItem> {
    // The pages only capture for a signed-in officer; an item nobody owns could never be sent.
    if (owner.value === null) throw new Error('No officer to own the captured item')
    const item = await enqueue(owner.value, path, body, Date.now(), options)
    await refresh()
    if (online.value) void flushNow()
    return item
  }

  async function retry(id: string): Promise<void> {
    if (ownerId.value === null) return
    await retryItem(id, ownerId.value)
    await refresh()
    consecutiveStops = 0
    void flushNow()
  }

  async function removeFailed(id: string): Promise<boolean> {
    if (ownerId.value === null) return false
    const removed = await deleteFailed(id, ownerId.value)
    await refresh()
    return removed
  }

  /** The signed-in officer confirms an item of unknown owner is theirs; it then syncs like theirs. */
  async function claim(id: string): Promise<boolean> {
    if (owner.value === null) return false
    const claimed = await claimItem(id, owner.value)
    await refresh()
    if (claimed) {
      consecutiveStops = 0
      void flushNow()
    }
    return claimed
  }

  /** Who uses the phone now; a newly signed-in officer's waiting items go out right away. */
  function setOwner(next: OutboxOwner | null): void {
    const changed = next?.id !== owner.value?.id
    owner.value = next === null ? null : { id: next.id, name: next.name }
    if (changed && next !== null) {
      consecutiveStops = 0
      void flushNow()
    }
  }

  function setOnline(value: boolean): void {
    online.value = value
    if (value) {
      consecutiveStops = 0
      void flushNow()
    } else {
      cancelRetry()
    }
  }

  const onOnline = () => setOnline(true)
  const onOffline = () => setOnline(false)

  /** Listen for connectivity and flush once at start. */
  async function start(): Promise<void> {
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    await refresh()
    void flushNow()
  }

  function stop(): void {
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
    cancelRetry()
  }

  return {
    items,
    owner,
    mine,
    others,
    othersCount,
    syncingId,
    online,
    flushing,
    lastResult,
    nextRetryAt,
    pendingCount,
    failedCount,
    statusOf,
    refresh,
    flushNow,
    capture,
    retry,
    removeFailed,
    claim,
    setOwner,
    setOnline,
    start,
    stop,
  }
})
