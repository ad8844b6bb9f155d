import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'

const authFetch = vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>()
vi.mock('@/api/client', () => ({ API_BASE: '/api/v1', api: {}, authFetch: (...args: [RequestInfo | URL, RequestInit?]) => authFetch(...args) }))

const { uploadAttachment, fetchAttachmentBlob } = await import('@/views/attachments/attachments.api')
const { useAuthStore } = await import('@/stores/auth')

interface Reply {
  status: number
  body: unknown
}

/** A stand-in XMLHttpRequest: records what is sent, reports progress, answers `reply`. */
class FakeXhr {
  static sent: FakeXhr[] = []
  static reply: Reply = { status: 201, body: {} }
  headers: Record<string, string> = {}
  method = ''
  url = ''
  body: FormData | null = null
  withCredentials = false
  status = 0
  statusText = ''
  responseText = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  abort() {
    this.onabort?.()
  }
  send(body: FormData) {
    this.body = body
    FakeXhr.sent.push(this)
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 })
      this.status = FakeXhr.reply.status
      this.responseText = JSON.stringify(FakeXhr.reply.body)
      this.onload?.()
    })
  }
}

const file = () => new File(['%PDF-1.4 test'], '回访照片.pdf', { type: 'application/pdf' })

beforeEach(() => {
  setActivePinia(createPinia())
  useAuthStore().setToken('tok-1')
  FakeXhr.sent = []
  authFetch.mockReset()
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})

describe('uploadAttachment', () => {
  it('sends the file with the in-memory token, an idempotency key and reports progress', async () => {
    FakeXhr.reply = { status: 201, body: { id: 'a1', filename: '回访照片.pdf' } }
    const progress: number[] = []
    const out = await uploadAttachment(file(), 'check_in', 'ci-1', { onProgress: (p) => progress.push(p) })
    expect(out).toMatchObject({ id: 'a1' })
    const xhr = FakeXhr.sent[0]!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/attachments')
    expect(xhr.headers.Authorization).toBe('Bearer tok-1')
    expect(xhr.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(xhr.body?.get('owner_type')).toBe('check_in')
    expect(xhr.body?.get('owner_id')).toBe('ci-1')
    expect((xhr.body?.get('file') as File).name).toBe('回访照片.pdf')
    expect(progress).toEqual([50, 100])
    expect(authFetch).not.toHaveBeenCalled()
  })

  it('turns a 413 or 415 into an ApiProblem with the server text', async () => {
    FakeXhr.reply = {
      status: 415,
      body: { title: 'Unsupported Media Type', status: 415, detail: '只能上传 PDF…', code: 'attachment_type_not_allowed' },
    }
    const error = await uploadAttachment(file(), 'case', 'c1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ status: 415, code: 'attachment_type_not_allowed', detail: '只能上传 PDF…' })
  })

  it('sends it again through authFetch (which refreshes the token) after a 401, same key', async () => {
    FakeXhr.reply = { status: 401, body: { title: 'Unauthorized', status: 401, code: 'token_expired' } }
    authFetch.mockResolvedValue(new Response(JSON.stringify({ id: 'a2' }), { status: 201 }))
    const out = await uploadAttachment(file(), 'case', 'c1')
    expect(out).toMatchObject({ id: 'a2' })
    const [url, init] = authFetch.mock.calls[0]!
    expect(url).toBe('/api/v1/attachments')
    expect(new Headers(init?.headers).get('Idempotency-Key')).toBe(FakeXhr.sent[0]!.headers['Idempotency-Key'])
    expect((init?.body as FormData).get('owner_id')).toBe('c1')
  })
})

describe('fetchAttachmentBlob', () => {
  it('downloads through authFetch, never with the token in the URL', async () => {
    authFetch.mockResolvedValue(new Response(new Blob(['%PDF']), { status: 200 }))
    const blob = await fetchAttachmentBlob('a1')
    expect(await blob.text()).toBe('%PDF')
    expect(String(authFetch.mock.calls[0]![0])).toBe('/api/v1/attachments/a1/content')
  })

  it('throws the problem of a failed download', async () => {
    authFetch.mockResolvedValue(
      new Response(JSON.stringify({ title: 'Not found', status: 404, code: 'attachment_not_found' }), { status: 404 }),
    )
    await expect(fetchAttachmentBlob('zz')).rejects.toMatchObject({ status: 404, code: 'attachment_not_found' })
  })
})
