import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureApi } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import { listRecords } from '@/views/supervision/accountability.api'
import { issueNotice, listNotices, replyToNotice } from '@/views/supervision/notices.api'
import { listNotifications, markAllRead, unreadCount } from '@/views/supervision/notifications.api'

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })

interface Seen {
  method: string
  url: URL
  headers: Headers
  body: string
}

function stubFetch(answer: (req: Seen) => Response) {
  const seen: Seen[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init)
      const entry = { method: req.method, url: new URL(req.url), headers: req.headers, body: req.method === 'GET' ? '' : await req.text() }
      seen.push(entry)
      return answer(entry)
    }),
  )
  return seen
}

configureApi({ getToken: () => 'tok', getLocale: () => 'en' })

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('supervision API modules on the typed client', () => {
  it('follows next_cursor 200 at a time and sends the filters, status as a list', async () => {
    const seen = stubFetch((req) =>
      req.url.searchParams.get('cursor') === 'p2'
        ? json(200, { items: [{ id: 'n2' }], next_cursor: null })
        : json(200, { items: [{ id: 'n1' }], next_cursor: 'p2' }),
    )
    const all = await listNotices({ status: ['open'], to_me: true })
    expect(all.map((n) => n.id)).toEqual(['n1', 'n2'])
    expect(seen).toHaveLength(2)
    for (const req of seen) {
      expect(req.url.pathname).toBe('/api/v1/supervision-notices')
      expect(req.url.searchParams.getAll('status')).toEqual(['open'])
      expect(req.url.searchParams.get('to_me')).toBe('true')
      expect(req.url.searchParams.get('limit')).toBe('200')
      expect(req.headers.get('Authorization')).toBe('Bearer tok')
      expect(req.headers.get('Accept-Language')).toBe('en')
    }
    expect(seen[0]?.url.searchParams.has('cursor')).toBe(false)
    expect(seen[1]?.url.searchParams.get('cursor')).toBe('p2')
  })

  it('issues a notice with its Idempotency-Key', async () => {
    const seen = stubFetch(() => json(201, { id: 'n1' }))
    const body = { case_id: 'c1', to_user_ids: ['u1'], reason: 'r', requirements: 'q', reply_due_on: '2026-12-01' }
    await issueNotice(body, 'key-1')
    expect(seen[0]?.method).toBe('POST')
    expect(seen[0]?.headers.get('Idempotency-Key')).toBe('key-1')
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(body)
  })

  it('answers a reply with the notice, the new reply last', async () => {
    stubFetch(() => json(201, { id: 'n1', replies: [{ id: 'r1' }, { id: 'r2' }] }))
    const notice = await replyToNotice('n1', 'done')
    expect(notice.id).toBe('n1')
    expect(notice.replies.at(-1)?.id).toBe('r2')
  })

  it('reads the notification counters and pages', async () => {
    const seen = stubFetch((req) => {
      if (req.url.pathname.endsWith('/unread-count')) return json(200, { unread: 3 })
      if (req.url.pathname.endsWith('/read-all')) return json(200, { marked: 3 })
      return json(200, { items: [], next_cursor: null })
    })
    expect(await unreadCount()).toBe(3)
    expect(await markAllRead()).toBe(3)
    await listNotifications(10)
    expect(seen[2]?.url.searchParams.get('limit')).toBe('10')
    expect(seen[2]?.url.searchParams.has('unread')).toBe(false)
  })

  it('throws ApiProblem on an error', async () => {
    stubFetch(() =>
      json(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'no', code: 'forbidden' }, 'application/problem+json'),
    )
    const error = await listRecords({ status: 'open' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect((error as ApiProblem).code).toBe('forbidden')
  })
})
