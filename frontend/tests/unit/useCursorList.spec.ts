import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { reactive } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { ApiProblem } from '@/api/problem'
import { useCursorList, useMoreList, type CursorPage } from '@/composables/useCursorList'

const page = <T>(items: T[], next: string | null = null): CursorPage<T> => ({ items, next_cursor: next })

describe('useMoreList', () => {
  it('replaces on a first load and appends after the last cursor on "more"', async () => {
    const fetchPage = vi.fn(async (cursor: string | undefined) => (cursor ? page(['c'], null) : page(['a', 'b'], 'k1')))
    const list = useMoreList(fetchPage)
    await list.load()
    expect(list.items.value).toEqual(['a', 'b'])
    expect(list.cursor.value).toBe('k1')
    await list.load(true)
    expect(fetchPage).toHaveBeenLastCalledWith('k1')
    expect(list.items.value).toEqual(['a', 'b', 'c'])
    expect(list.cursor.value).toBeNull()
    await list.load()
    expect(fetchPage).toHaveBeenLastCalledWith(undefined)
    expect(list.items.value).toEqual(['a', 'b'])
  })

  it('keeps the rows and shows the problem when a page fails', async () => {
    let fail = false
    const list = useMoreList(async () => {
      if (fail) throw new ApiProblem({ status: 503, title: 'Unavailable' })
      return page([1], 'k')
    })
    await list.load()
    fail = true
    await list.load(true)
    expect(list.items.value).toEqual([1])
    expect(list.problem.value?.status).toBe(503)
    expect(list.loading.value).toBe(false)
  })
})

interface F {
  q: string
}
const parse = (query: LocationQuery) => ({
  filters: { q: typeof query.q === 'string' ? query.q : '' },
  cursor: typeof query.cursor === 'string' ? query.cursor : null,
})
const toQuery = (filters: F, cursor: string | null = null): LocationQueryRaw => ({
  ...(filters.q ? { q: filters.q } : {}),
  ...(cursor ? { cursor } : {}),
})

function setup(fetchPage: (filters: F, cursor: string | undefined) => Promise<CursorPage<string>>, query: LocationQuery = {}) {
  const route = reactive({ query })
  const router = {
    push: vi.fn((to: { query: LocationQueryRaw }) => {
      route.query = to.query as LocationQuery
    }),
  }
  const form = reactive<F>({ q: '' })
  const list = useCursorList({ route, router, parse, toQuery, fetchPage, onFilters: (f) => Object.assign(form, f) })
  return { route, router, form, list }
}

describe('useCursorList', () => {
  it('loads what the URL says and fills the filter form from it', async () => {
    const fetchPage = vi.fn(async () => page(['x'], 'n1'))
    const { form, list } = setup(fetchPage, { q: '张', cursor: 'c0' })
    await flushPromises()
    expect(fetchPage).toHaveBeenCalledWith({ q: '张' }, 'c0')
    expect(form.q).toBe('张')
    expect(list.rows.value).toEqual(['x'])
    expect(list.nextCursor.value).toBe('n1')
    expect(list.loading.value).toBe(false)
  })

  it('pages through the URL with the applied filters, not unsearched form edits', async () => {
    const { router, form, list } = setup(async () => page(['x'], 'n1'), { q: 'a' })
    await flushPromises()
    form.q = 'edited'
    list.nextPage()
    expect(router.push).toHaveBeenLastCalledWith({ query: { q: 'a', cursor: 'n1' } })
    await flushPromises()
    list.firstPage()
    expect(router.push).toHaveBeenLastCalledWith({ query: { q: 'a' } })
    list.search({ q: 'b' })
    expect(router.push).toHaveBeenLastCalledWith({ query: { q: 'b' } })
    list.reset()
    expect(router.push).toHaveBeenLastCalledWith({ query: {} })
  })

  it('does not page past the last page', async () => {
    const { router, list } = setup(async () => page(['x'], null))
    await flushPromises()
    list.nextPage()
    expect(router.push).not.toHaveBeenCalled()
  })

  it('drops the answer to a query that has since changed', async () => {
    const answers: Array<(p: CursorPage<string>) => void> = []
    const { route, list } = setup(() => new Promise((resolve) => answers.push(resolve)), { q: 'old' })
    route.query = { q: 'new' }
    await flushPromises()
    expect(answers).toHaveLength(2)
    answers[1]?.(page(['new']))
    await flushPromises()
    answers[0]?.(page(['old']))
    await flushPromises()
    expect(list.rows.value).toEqual(['new'])
    expect(list.loading.value).toBe(false)
  })

  it('shows a failed load as a problem', async () => {
    const { list } = setup(async () => {
      throw new ApiProblem({ status: 403, title: 'Forbidden' })
    })
    await flushPromises()
    expect(list.problem.value?.status).toBe(403)
    expect(list.loading.value).toBe(false)
  })
})
