import { shallowRef, watch } from 'vue'
import { useLoading } from '@/composables/useLoading'

/** Load a print page's data whenever its id changes; a late answer for an old id is dropped. */
export function usePrintLoad<T>(id: () => string, loader: (id: string) => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const { loading, problem, run } = useLoading({ loading: true, latestOnly: true })

  async function load(value: string): Promise<void> {
    await run(
      () => loader(value),
      (result) => (data.value = result),
    )
  }
  watch(id, (value) => void load(value), { immediate: true })

  return { data, loading, problem, reload: () => load(id()) }
}
