import { describe, expect, it } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { useLoading } from '@/composables/useLoading'

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => {}
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('useLoading', () => {
  it('is loading while the fetch runs and hands the result over', async () => {
    const { loading, problem, run } = useLoading()
    const gate = deferred<number>()
    let got = 0
    const running = run(() => gate.promise, (n) => (got = n))
    expect(loading.value).toBe(true)
    gate.resolve(7)
    await running
    expect(got).toBe(7)
    expect(loading.value).toBe(false)
    expect(problem.value).toBeNull()
  })

  it('turns a failure into a problem and clears it on the next run', async () => {
    const { loading, problem, run } = useLoading({ loading: true })
    expect(loading.value).toBe(true)
    await run(async () => {
      throw new ApiProblem({ status: 404, title: 'Not found' })
    })
    expect(problem.value?.status).toBe(404)
    expect(loading.value).toBe(false)
    await run(async () => 1)
    expect(problem.value).toBeNull()
  })

  it('without latestOnly, every answer is applied as it arrives', async () => {
    const { run } = useLoading()
    const first = deferred<string>()
    const second = deferred<string>()
    const seen: string[] = []
    const a = run(() => first.promise, (v) => seen.push(v))
    const b = run(() => second.promise, (v) => seen.push(v))
    second.resolve('new')
    first.resolve('old')
    await Promise.all([a, b])
    expect(seen).toEqual(['new', 'old'])
  })

  it('with latestOnly, an overtaken answer is dropped and does not end the loading', async () => {
    const { loading, problem, run } = useLoading({ latestOnly: true })
    const first = deferred<string>()
    const second = deferred<string>()
    const seen: string[] = []
    const a = run(() => first.promise.then((v) => (v === 'fail' ? Promise.reject(new Error(v)) : v)), (v) => seen.push(v))
    const b = run(() => second.promise, (v) => seen.push(v))
    first.resolve('fail')
    await a
    expect(loading.value).toBe(true)
    expect(problem.value).toBeNull()
    second.resolve('new')
    await b
    expect(seen).toEqual(['new'])
    expect(loading.value).toBe(false)
  })
})
