import { openOfflineDb, type OutboxItem, type OutboxPhoto } from './db'

export interface EnqueueOptions {
  /** The Idempotency-Key, when the body must carry it too (a check-in's `client_id`). */
  id?: string
  photos?: { blob: Blob; name: string }[]
  label?: string
}

/** Store a write at capture time ("已保存，待同步"); returns the item (its id is the Idempotency-Key). */
export async function enqueue(
  path: string,
  body: unknown,
  now: number = Date.now(),
  options: EnqueueOptions = {},
): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: options.id ?? crypto.randomUUID(),
    path,
    method: 'POST',
    body,
    createdAt: now,
    attempts: 0,
    state: 'pending',
  }
  if (options.photos?.length) {
    item.photos = await Promise.all(
      options.photos.map(
        async (photo): Promise<OutboxPhoto> => ({
          id: crypto.randomUUID(),
          data: await photo.blob.arrayBuffer(),
          type: photo.blob.type || 'application/octet-stream',
          name: photo.name,
          uploaded: false,
        }),
      ),
    )
  }
  if (options.label !== undefined) item.label = options.label
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

/**
 * Put a failed item back in line. What already reached the server (the write, uploaded photos)
 * is remembered on the item, so a retry sends only the rest.
 */
export async function retryItem(id: string): Promise<void> {
  const db = await openOfflineDb()
  const item = await db.get('outbox', id)
  if (!item || item.state !== 'failed') return
  const { lastError: _dropped, ...rest } = item
  await db.put('outbox', { ...rest, state: 'pending' })
}

/** Only a failed item may be deleted: a pending one is still on its way. */
export async function deleteFailed(id: string): Promise<boolean> {
  const db = await openOfflineDb()
  const item = await db.get('outbox', id)
  if (!item || item.state !== 'failed') return false
  await db.delete('outbox', id)
  return true
}
