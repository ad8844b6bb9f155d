import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { enqueue, listOutbox, retryItem } from '@/offline/queue'
import { flush, type Send, type Upload } from '@/offline/sync'

const A = { id: 'user-a', name: '张警官' }

afterEach(async () => {
  await closeOfflineDb()
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
})

const json = (code: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } })

const photo = () => ({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }), name: 'visit.jpg' })

describe('offline outbox with photos', () => {
  it('keeps the photo blob with its check-in', async () => {
    const item = await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000, { photos: [photo()], label: 'A-2010-1' })
    const [stored] = await listOutbox()
    expect(stored?.label).toBe('A-2010-1')
    expect(stored?.photos).toHaveLength(1)
    expect(stored?.photos?.[0]?.id).not.toBe(item.id)
    expect(stored?.photos?.[0]?.uploaded).toBe(false)
    expect(stored?.photos?.[0]?.type).toBe('image/jpeg')
    expect(Array.from(new Uint8Array(stored!.photos![0]!.data))).toEqual([0xff, 0xd8, 0xff, 1, 2, 3])
  })

  it('uploads the photo after the check-in, owned by the created id, with its own key', async () => {
    const item = await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000, { photos: [photo()] })
    const order: string[] = []
    const send = vi.fn<Send>(async () => {
      order.push('check-in')
      return json(201, { id: 'ci-1' })
    })
    const upload = vi.fn<Upload>(async () => {
      order.push('photo')
      return json(201, { id: 'att-1' })
    })
    expect(await flush(A.id, send, upload)).toEqual({ sent: 1, failed: 0, stopped: false })
    expect(order).toEqual(['check-in', 'photo'])
    const [sent, key] = upload.mock.calls[0]!
    expect(sent.ownerId).toBe('ci-1')
    expect(sent.name).toBe('visit.jpg')
    expect(sent.blob.type).toBe('image/jpeg')
    expect(sent.blob.size).toBe(6)
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(key).not.toBe(item.id)
    expect(await listOutbox()).toEqual([])
  })

  it('a failed upload keeps the item retryable without a second check-in', async () => {
    await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000, { photos: [photo()] })
    const send = vi.fn<Send>(async () => json(201, { id: 'ci-1' }))
    const upload = vi
      .fn<Upload>()
      .mockResolvedValueOnce(json(413, { title: 'Too large', detail: '文件过大', code: 'attachment_too_large' }))
      .mockResolvedValueOnce(json(201, { id: 'att-1' }))

    expect(await flush(A.id, send, upload)).toEqual({ sent: 0, failed: 1, stopped: false })
    const [failed] = await listOutbox()
    expect(failed).toMatchObject({ state: 'failed', resultId: 'ci-1', lastError: { status: 413, detail: '文件过大' } })

    await retryItem(failed!.id, A.id)
    const [again] = await listOutbox()
    expect(again?.state).toBe('pending')
    expect(again?.lastError).toBeUndefined()

    expect(await flush(A.id, send, upload)).toEqual({ sent: 1, failed: 0, stopped: false })
    expect(send).toHaveBeenCalledTimes(1)
    expect(upload).toHaveBeenCalledTimes(2)
    expect(upload.mock.calls[1]?.[0].ownerId).toBe('ci-1')
    // Same photo, same key: the server replays rather than storing a second copy.
    expect(upload.mock.calls[1]?.[1]).toBe(upload.mock.calls[0]?.[1])
    expect(await listOutbox()).toEqual([])
  })

  it('a network error during the upload stops the run and resumes at the photo', async () => {
    await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000, { photos: [photo()] })
    const send = vi.fn<Send>(async () => json(201, { id: 'ci-1' }))
    const upload = vi
      .fn<Upload>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(201, { id: 'att-1' }))
    expect((await flush(A.id, send, upload)).stopped).toBe(true)
    expect(await listOutbox()).toEqual([expect.objectContaining({ state: 'pending', resultId: 'ci-1', attempts: 1 })])
    await flush(A.id, send, upload)
    expect(send).toHaveBeenCalledTimes(1)
    expect(await listOutbox()).toEqual([])
  })

  it('a check-in already on file (409 with its id) uploads the photos to it', async () => {
    await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000, { photos: [photo()] })
    const send = vi.fn<Send>(async () => json(409, { code: 'check_in_already_recorded', check_in_id: 'ci-9' }))
    const upload = vi.fn<Upload>(async () => json(201, { id: 'att-1' }))
    expect(await flush(A.id, send, upload)).toEqual({ sent: 1, failed: 0, stopped: false })
    expect(upload.mock.calls[0]?.[0].ownerId).toBe('ci-9')
  })

  it('a 409 for a key still in flight waits; field errors are kept on a failed item', async () => {
    await enqueue(A, '/cases/c1/check-ins', { n: 1 }, 1000)
    const inFlight = vi.fn<Send>(async () => json(409, { code: 'idempotency_in_flight' }))
    expect((await flush(A.id, inFlight)).stopped).toBe(true)
    const invalid = vi.fn<Send>(async () =>
      json(422, {
        title: 'Validation failed',
        code: 'validation_failed',
        errors: [{ pointer: '#/next_visit_on', detail: '下次回访日期不能早于本次回访日期' }],
      }),
    )
    await flush(A.id, invalid)
    const [item] = await listOutbox()
    expect(item?.lastError?.errors).toEqual([{ pointer: '#/next_visit_on', detail: '下次回访日期不能早于本次回访日期' }])
  })
})
