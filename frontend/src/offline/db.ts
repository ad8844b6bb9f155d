import { openDB, type DBSchema, type IDBPDatabase } from 'idb'

export type OutboxState = 'pending' | 'failed'

/**
 * A photo captured with a write; it uploads after the write itself has reached the server.
 * Kept as bytes rather than a Blob: every engine structured-clones an ArrayBuffer into IndexedDB,
 * while Blobs there have failed on older WebKit.
 */
export interface OutboxPhoto {
  /** The upload's Idempotency-Key, made at capture time like the item's. */
  id: string
  data: ArrayBuffer
  /** Media type, e.g. image/jpeg. */
  type: string
  name: string
  uploaded: boolean
}

/** The server's problem, kept with a failed item for the officer to read (and fix). */
export interface OutboxError {
  status: number
  title: string
  detail: string
  code?: string
  /** RFC 9457 field errors: JSON pointer into the item's body and the message. */
  errors?: { pointer: string; detail: string }[]
}

/** The officer who captured an item: only their session may send it. */
export interface OutboxOwner {
  id: string
  /** Display name at capture time, for the queue page when someone else is signed in. */
  name: string
}

/** One captured write, kept until the server has it. `id` is the Idempotency-Key. */
export interface OutboxItem {
  id: string
  /**
   * Who captured it. null: captured before owners were recorded, so nobody can say whose it is;
   * it is never sent until a signed-in officer claims it.
   */
  owner: OutboxOwner | null
  /** Path under /api/v1, e.g. `/cases/{id}/check-ins`. */
  path: string
  method: 'POST'
  body: unknown
  createdAt: number
  attempts: number
  state: OutboxState
  /** The server's problem for a failed item (for the officer to fix). */
  lastError?: OutboxError
  /** Attachments owned by the created resource (a check-in's photos). */
  photos?: OutboxPhoto[]
  /** The created resource's id, once the write is on the server: a retry only uploads photos. */
  resultId?: string
  /** What the queue list shows for the item (e.g. the case number and title). */
  label?: string
}

/** Small values kept between sessions on the phone (the last case list, who signed in last). */
export interface MetaRecord {
  value: unknown
  savedAt: number
}

interface AnjieOffline extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: number } }
  meta: { key: string; value: MetaRecord }
}

export const DB_NAME = 'anjie-offline'
export const DB_VERSION = 3
let dbPromise: Promise<IDBPDatabase<AnjieOffline>> | null = null

export function openOfflineDb(): Promise<IDBPDatabase<AnjieOffline>> {
  dbPromise ??= openDB<AnjieOffline>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' })
        outbox.createIndex('createdAt', 'createdAt')
      }
      if (oldVersion < 2) db.createObjectStore('meta')
      if (oldVersion >= 1 && oldVersion < 3) {
        // Items queued before owners were recorded: whoever is signed in now may not be the one who
        // captured them, so they get no owner rather than a guessed one.
        let cursor = await transaction.objectStore('outbox').openCursor()
        while (cursor) {
          if (cursor.value.owner === undefined) await cursor.update({ ...cursor.value, owner: null })
          cursor = await cursor.continue()
        }
      }
    },
  })
  return dbPromise
}

/** Tests: forget the open connection (after deleting the database). */
export async function closeOfflineDb(): Promise<void> {
  if (dbPromise) (await dbPromise).close()
  dbPromise = null
}

export async function readMeta<T>(key: string): Promise<{ value: T; savedAt: number } | null> {
  const db = await openOfflineDb()
  const record = await db.get('meta', key)
  return record ? { value: record.value as T, savedAt: record.savedAt } : null
}

export async function writeMeta(key: string, value: unknown, now: number = Date.now()): Promise<void> {
  const db = await openOfflineDb()
  await db.put('meta', { value, savedAt: now }, key)
}

export async function deleteMeta(key: string): Promise<void> {
  const db = await openOfflineDb()
  await db.delete('meta', key)
}
