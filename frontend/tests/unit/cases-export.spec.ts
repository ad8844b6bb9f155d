import { beforeEach, describe, expect, it, vi } from 'vitest'
import { caseFixture } from './cases.fixture'

// The export follows next_cursor through the real api module; only the HTTP client is faked.
const GET = vi.fn()
vi.mock('@/api/client', () => ({ api: { GET: (...args: unknown[]) => GET(...args) } }))

const { fetchAllCases } = await import('@/views/cases/cases.api')
const { emptyFilters } = await import('@/views/cases/filters')

function page(ids: string[], next: string | null) {
  return {
    data: { items: ids.map((id) => ({ ...caseFixture(), id })), next_cursor: next },
    response: new Response(null, { status: 200 }),
  }
}

describe('ledger export fetch', () => {
  beforeEach(() => GET.mockReset())

  it('follows next_cursor with pages of 200 and the current filters', async () => {
    GET.mockResolvedValueOnce(page(['a', 'b'], 'c1')).mockResolvedValueOnce(page(['c'], 'c2')).mockResolvedValueOnce(page([], null))
    const progress: Array<[number, boolean]> = []
    const filters = { ...emptyFilters(), risk_level: 'high' as const }
    const all = await fetchAllCases(filters, new AbortController().signal, (n, more) => progress.push([n, more]))
    expect(all.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(progress).toEqual([[2, true], [3, true], [3, false]])
    const queries = GET.mock.calls.map((call) => (call[1] as { params: { query: Record<string, unknown> } }).params.query)
    expect(queries.map((q) => [q.limit, q.cursor, q.risk_level])).toEqual([
      [200, undefined, 'high'],
      [200, 'c1', 'high'],
      [200, 'c2', 'high'],
    ])
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    GET.mockImplementation(async () => {
      controller.abort()
      return page(['a'], 'more')
    })
    await expect(fetchAllCases(emptyFilters(), controller.signal, () => undefined)).rejects.toThrow()
    expect(GET).toHaveBeenCalledTimes(1)
  })

  it('passes an API problem through', async () => {
    GET.mockResolvedValueOnce({ error: { status: 422, title: 'Validation failed', code: 'bad_cursor' }, response: new Response(null, { status: 422 }) })
    await expect(fetchAllCases(emptyFilters(), new AbortController().signal, () => undefined)).rejects.toMatchObject({
      status: 422,
      code: 'bad_cursor',
    })
  })
})
