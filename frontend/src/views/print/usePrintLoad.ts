import { ref, shallowRef, watch } from 'vue'
import { asProblem, type ApiProblem } from '@/api/problem'

/** Load a print page's data whenever its id changes; a late answer for an old id is dropped. */
export function usePrintLoad<T>(id: () => string, loader: (id: string) => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const loading = ref(true)
  const problem = shallowRef<ApiProblem | null>(null)
  let seq = 0

  async function load(value: string): Promise<void> {
    const mine = ++seq
    loading.value = true
    problem.value = null
    try {
      const result = await loader(value)
      if (mine === seq) data.value = result
    } catch (error) {
      if (mine === seq) problem.value = asProblem(error)
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  watch(id, (value) => void load(value), { immediate: true })

  return { data, loading, problem, reload: () => load(id()) }
}
