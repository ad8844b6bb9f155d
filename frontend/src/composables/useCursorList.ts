import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { useLoading } from './useLoading'

/** One page of a keyset-paged list, as every list endpoint returns it. */
export interface CursorPage<T> {
  items: T[]
  next_cursor: string | null
}

/**
 * A list that grows with "more": the first load replaces the rows, `load(true)` appends the next
 * page after the last cursor. A failed load keeps the rows and shows the problem.
 */
export function useMoreList<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const items = shallowRef<T[]>([]) as ShallowRef<T[]>
  const cursor = ref<string | null>(null)
  const { loading, problem, run } = useLoading()

  async function load(more = false): Promise<void> {
    await run(
      () => fetchPage(more ? (cursor.value ?? undefined) : undefined),
      (page) => {
        items.value = more ? [...items.value, ...page.items] : page.items
        cursor.value = page.next_cursor
      },
    )
  }

  return { items, cursor, loading, problem, load }
}

export interface CursorListOptions<F, T> {
  /** The current route (`useRoute()`): its query holds the filters and the cursor. */
  route: { readonly query: LocationQuery }
  router: { push(to: { query: LocationQueryRaw }): unknown }
  parse: (query: LocationQuery) => { filters: F; cursor: string | null }
  toQuery: (filters: F, cursor?: string | null) => LocationQueryRaw
  fetchPage: (filters: F, cursor: string | undefined) => Promise<CursorPage<T>>
  /** Called with the URL's filters on every query change, before the fetch (e.g. to fill the filter form). */
  onFilters?: (filters: F) => void
}

/**
 * A page-at-a-time list whose filters and cursor live in the URL, so it can be reloaded and shared.
 * Every query change fetches; an answer to a query that has since changed is dropped.
 */
export function useCursorList<F, T>(options: CursorListOptions<F, T>) {
  const { route, router, parse, toQuery, fetchPage, onFilters } = options
  const rows = shallowRef<T[]>([]) as ShallowRef<T[]>
  const nextCursor = ref<string | null>(null)
  const { loading, problem, run } = useLoading({ latestOnly: true })
  /** The filters of the rows on screen (a filter form may hold edits not yet searched). */
  const applied = shallowRef<F>(parse(route.query).filters) as Ref<F>

  async function load(): Promise<void> {
    const { filters, cursor } = parse(route.query)
    onFilters?.(filters)
    applied.value = filters
    await run(
      () => fetchPage(filters, cursor ?? undefined),
      (page) => {
        rows.value = page.items
        nextCursor.value = page.next_cursor
      },
    )
  }
  watch(() => route.query, load, { immediate: true })

  const search = (filters: F): void => void router.push({ query: toQuery(filters) })
  const reset = (): void => void router.push({ query: {} })
  const nextPage = (): void => {
    if (nextCursor.value) void router.push({ query: toQuery(applied.value, nextCursor.value) })
  }
  const firstPage = (): void => void router.push({ query: toQuery(applied.value) })

  return { rows, nextCursor, loading, problem, applied, load, search, reset, nextPage, firstPage }
}
