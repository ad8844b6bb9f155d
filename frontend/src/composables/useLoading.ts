import { ref, shallowRef } from 'vue'
import { asProblem, type ApiProblem } from '@/api/problem'

export interface LoadingOptions {
  /** Start as loading (a page that fetches on setup shows its spinner from the first render). */
  loading?: boolean
  /**
   * Only the newest `run` may settle: an answer to a request that a later `run` has overtaken is
   * dropped, with its error and its end of loading (pages whose query changes while one is in flight).
   */
  latestOnly?: boolean
}

/**
 * The loading flag and problem every fetching view keeps: `run(fetch, apply)` shows loading while
 * `fetch` runs, hands its result to `apply`, and turns a failure into `problem` for <ProblemAlert>.
 */
export function useLoading(options: LoadingOptions = {}) {
  const loading = ref(options.loading ?? false)
  const problem = shallowRef<ApiProblem | null>(null)
  let seq = 0

  async function run<T>(fetch: () => Promise<T>, apply?: (result: T) => void): Promise<void> {
    const mine = ++seq
    const current = () => !options.latestOnly || mine === seq
    loading.value = true
    problem.value = null
    try {
      const result = await fetch()
      if (current()) apply?.(result)
    } catch (error) {
      if (current()) problem.value = asProblem(error)
    } finally {
      if (current()) loading.value = false
    }
  }

  return { loading, problem, run }
}
