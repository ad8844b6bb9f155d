import { openOfflineDb, type OutboxItem, type OutboxOwner, type OutboxPhoto } from './db'

export interface EnqueueOptions {
  /** The Idempotency-Key, when the body must carry it too (a check-in's `client_id`). */
  id?: string
  photos?: { blob: Blob; name: string }[]
  label?: string
}

/**
 * Store a write at capture time ("已保存，待同步"); returns the item (its id is the Idempotency-Key).
 * `owner` is the officer capturing it: only a session of theirs will send it.
 */
export async function enqueue(
  owner: OutboxOwner,
  path: string,
  body: unknown,
  now: number = Date.now(),
  options: EnqueueOptions = {},
): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: options.id ?? crypto.randomUUID(),
    // A plain copy: IndexedDB cannot clone a reactive proxy.
    owner: { id: owner.id, name: owner.name },
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

/** Whether the officer `ownerId` may act on (send, retry, delete) the item. */
export function ownedBy(item: OutboxItem, ownerId: string | null): boolean {
  return ownerId !== null && item.owner?.id === ownerId
}

/** Pending items of one officer. */
export async function pendingCount(ownerId: string): Promise<number> {
  return (await listOutbox()).filter((i) => i.state === 'pending' && ownedBy(i, ownerId)).length
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
export async function retryItem(id: string, ownerId: string): Promise<void> {
  const db = await openOfflineDb()
  const item = await db.get('outbox', id)
  if (!item || item.state !== 'failed' || !ownedBy(item, ownerId)) return
  const { lastError: _dropped, ...rest } = item
  await db.put('outbox', { ...rest, state: 'pending' })
}

/**
 * Only a failed item may be deleted (a pending one is still on its way), and only by its owner:
 * another officer's visit is not theirs to drop.
 */
export async function deleteFailed(id: string, ownerId: string): Promise<boolean> {
  const db = await openOfflineDb()
  const item = await db.get('outbox', id)
  if (!item || item.state !== 'failed' || !ownedBy(item, ownerId)) return false
  await db.delete('outbox', id)
  return true
}

/**
 * An item without a recorded owner (queued before owners were kept) becomes the signed-in
 * officer's once they confirm it is theirs; an item with an owner is never reassigned.
 */
export async function claimItem(id: string, owner: OutboxOwner): Promise<boolean> {
  const db = await openOfflineDb()
  const item = await db.get('outbox', id)
  if (!item || item.owner !== null) return false
  await db.put('outbox', { ...item, owner: { id: owner.id, name: owner.name } })
  return true
}
