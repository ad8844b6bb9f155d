import { openDB, type DBSchema, type IDBPDatabase } from 'idb'

export type OutboxState = 'pending' | 'failed'

/** One captured write, kept until the server has it. `id` is the Idempotency-Key. */
export interface OutboxItem {
  id: string
  /** Path under /api/v1, e.g. `/cases/{id}/check-ins`. */
  path: string
  method: 'POST'
  body: unknown
  createdAt: number
  attempts: number
  state: OutboxState
  /** The server's problem for a failed item (for the officer to fix). */
  lastError?: { status: number; title: string; detail: string }
}

interface AnjieOffline extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: number } }
}

export const DB_NAME = 'anjie-offline'
let dbPromise: Promise<IDBPDatabase<AnjieOffline>> | null = null

export function openOfflineDb(): Promise<IDBPDatabase<AnjieOffline>> {
  dbPromise ??= openDB<AnjieOffline>(DB_NAME, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' })
      outbox.createIndex('createdAt', 'createdAt')
    },
  })
  return dbPromise
}

/** Tests: forget the open connection (after deleting the database). */
export async function closeOfflineDb(): Promise<void> {
  if (dbPromise) (await dbPromise).close()
  dbPromise = null
}
