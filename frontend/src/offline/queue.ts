import { openOfflineDb, type OutboxItem } from './db'

/** Store a write at capture time ("已保存，待同步"); returns the item (its id is the Idempotency-Key). */
export async function enqueue(path: string, body: unknown, now: number = Date.now()): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: crypto.randomUUID(),
    path,
    method: 'POST',
    body,
    createdAt: now,
    attempts: 0,
    state: 'pending',
  }
  const db = await openOfflineDb()
  await db.put('outbox', item)
  return item
}

/** Every item, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  const db = await openOfflineDb()
  return db.getAllFromIndex('outbox', 'createdAt')
}

export async function pendingCount(): Promise<number> {
  return (await listOutbox()).filter((i) => i.state === 'pending').length
}

export async function removeItem(id: string): Promise<void> {
  const db = await openOfflineDb()
  await db.delete('outbox', id)
}

export async function putItem(item: OutboxItem): Promise<void> {
  const db = await openOfflineDb()
  await db.put('outbox', item)
}
