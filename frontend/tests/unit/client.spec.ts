import { describe, expect, it, vi } from 'vitest'
import { createApiClient, type AuthHooks } from '@/api/client'
import { ApiProblem, unwrap } from '@/api/problem'

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })

const problem401 = () =>
  json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '登录已过期', code: 'token_expired' }, 'application/problem+json')

function setup() {
  let token: string | null = 'old'
  const hooks: AuthHooks = {
    getToken: () => token,
    setToken: vi.fn((t: string | null) => {
      token = t
    }),
    getLocale: () => 'en',
    onAuthLost: vi.fn(),
  }
  return { hooks, ...createApiClient(hooks) }
}

function isRefresh(req: Request) {
  return new URL(req.url).pathname === '/api/v1/auth/token'
}

/** A fetch stub: /auth/token answers `refresh`; other calls succeed only with the new token. */
function stubFetch(refresh: () => Response | Promise<Response>) {
  const seen: Array<{ url: string; auth: string | null; lang: string | null; body: string }> = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init)
    const body = req.method === 'GET' ? '' : await req.text()
    seen.push({ url: req.url, auth: req.headers.get('Authorization'), lang: req.headers.get('Accept-Language'), body })
    if (isRefresh(req)) return refresh()
    if (req.headers.get('Authorization') !== 'Bearer new') return problem401()
    return json(200, { items: [{ id: 'c1' }], next_cursor: null })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { fetchMock, seen }
}

describe('authFetch', () => {
  it('adds the bearer token and Accept-Language', async () => {
    const { client, hooks } = setup()
    hooks.getToken = () => 'new'
    const { seen } = stubFetch(() => json(500, {}))
    const result = await client.GET('/cases', { params: { query: { status: ['registered', 'resolving'] } } })
    expect(result.response.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.auth).toBe('Bearer new')
    expect(seen[0]?.lang).toBe('en')
    expect(seen[0]?.url).toBe('http://localhost:5173/api/v1/cases?status=registered&status=resolving')
  })

  it('on a 401 refreshes once and retries the request once', async () => {
    const { client, hooks } = setup()
    const { fetchMock, seen } = stubFetch(() => json(200, { access_token: 'new', expires_in: 900 }))
    const result = await client.POST('/cases/{case_id}/transitions', {
      params: { path: { case_id: 'c1' } },
      body: { action: 'analyse', reason: '研判完成' },
    })
    expect(result.response.status).toBe(200)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual([
      '/api/v1/cases/c1/transitions',
      '/api/v1/auth/token',
      '/api/v1/cases/c1/transitions',
    ])
    // The refresh is a form post carrying only the grant; the cookie holds the refresh token.
    expect(seen[1]?.body).toBe('grant_type=refresh_token')
    // The retried request still has its body.
    expect(JSON.parse(seen[2]?.body ?? '{}')).toEqual({ action: 'analyse', reason: '研判完成' })
    expect(seen[2]?.auth).toBe('Bearer new')
    expect(hooks.setToken).toHaveBeenCalledWith('new')
    expect(hooks.onAuthLost).not.toHaveBeenCalled()
  })

  it('sends the refresh with same-origin credentials', async () => {
    const { client } = setup()
    const { fetchMock } = stubFetch(() => json(200, { access_token: 'new', expires_in: 900 }))
    await client.GET('/cases')
    const call = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/api/v1/auth/token'))
    expect(call?.[1]?.credentials).toBe('same-origin')
    expect(call?.[1]?.method).toBe('POST')
  })

  it('two concurrent 401s cause exactly one refresh', async () => {
    const { client } = setup()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { seen } = stubFetch(async () => {
      await gate
      return json(200, { access_token: 'new', expires_in: 900 })
    })
    const a = client.GET('/cases')
    const b = client.GET('/cases/{case_id}', { params: { path: { case_id: 'c2' } } })
    await vi.waitFor(() => expect(seen.filter((s) => s.url.endsWith('/auth/token'))).toHaveLength(1))
    release()
    const [ra, rb] = await Promise.all([a, b])
    expect(ra.response.status).toBe(200)
    expect(rb.response.status).toBe(200)
    expect(seen.filter((s) => s.url.endsWith('/auth/token'))).toHaveLength(1)
    expect(seen).toHaveLength(5) // 2 first tries + 1 refresh + 2 retries
  })

  it('a failed refresh logs out and returns the 401 (no retry)', async () => {
    const { client, hooks } = setup()
    const { fetchMock } = stubFetch(() =>
      json(401, { title: 'Unauthorized', status: 401, code: 'refresh_rejected' }, 'application/problem+json'),
    )
    const result = await client.GET('/cases')
    expect(result.response.status).toBe(401)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(hooks.onAuthLost).toHaveBeenCalledTimes(1)
    expect(hooks.setToken).toHaveBeenCalledWith(null)
    expect(() => unwrap(result)).toThrow(ApiProblem)
  })

  it('does not refresh on a 401 from /auth/* (a wrong password is just an error)', async () => {
    const { client, hooks } = setup()
    const { fetchMock } = stubFetch(() => json(200, { access_token: 'new', expires_in: 900 }))
    fetchMock.mockImplementationOnce(async () => problem401())
    const result = await client.GET('/auth/me')
    expect(result.response.status).toBe(401)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(hooks.onAuthLost).not.toHaveBeenCalled()
  })

  it('retries without refreshing when another request already renewed the token', async () => {
    const { client, hooks } = setup()
    const { fetchMock, seen } = stubFetch(() => json(200, { access_token: 'new', expires_in: 900 }))
    fetchMock.mockImplementationOnce(async () => {
      hooks.setToken('new') // a refresh finished while this request was in flight
      return problem401()
    })
    const result = await client.GET('/cases')
    expect(result.response.status).toBe(200)
    expect(seen.filter((s) => s.url.endsWith('/auth/token'))).toHaveLength(0)
  })

  it('a second 401 after the retry is returned, not refreshed again', async () => {
    const { client, hooks } = setup()
    const { fetchMock } = stubFetch(() => json(200, { access_token: 'new', expires_in: 900 }))
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init)
      return isRefresh(req) ? json(200, { access_token: 'new', expires_in: 900 }) : problem401()
    })
    const result = await client.GET('/cases')
    expect(result.response.status).toBe(401)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(hooks.onAuthLost).not.toHaveBeenCalled()
  })
})
