import { describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { ApiProblem } from '@/api/problem'
import { formValid, openWhile, useFormDialog } from '@/composables/useFormDialog'

const problem = new ApiProblem({
  status: 422,
  title: 'Validation failed',
  code: 'validation_failed',
  errors: [{ pointer: '#/name', detail: '必填项' }],
})

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('useFormDialog.submit', () => {
  it('is saving while the action runs and resolves true when it finished', async () => {
    const { saving, submit } = useFormDialog(['name'])
    const gate = deferred()
    const running = submit(() => gate.promise)
    expect(saving.value).toBe(true)
    gate.resolve()
    expect(await running).toBe(true)
    expect(saving.value).toBe(false)
  })

  it('ignores a second submit while the first is still saving', async () => {
    const { submit } = useFormDialog()
    const gate = deferred()
    const action = vi.fn(() => gate.promise)
    const first = submit(action)
    expect(await submit(action)).toBe(false)
    gate.resolve()
    await first
    expect(action).toHaveBeenCalledTimes(1)
  })

  it('skips the action when the form is not valid', async () => {
    const { saving, submit } = useFormDialog()
    const action = vi.fn(async () => {})
    expect(await submit(action, { valid: async () => false })).toBe(false)
    expect(action).not.toHaveBeenCalled()
    expect(saving.value).toBe(false)
  })

  it('puts an API problem on the form, runs onProblem and resolves false', async () => {
    const { pf, saving, submit } = useFormDialog(['name'])
    const onProblem = vi.fn()
    const ok = await submit(
      async () => {
        throw problem
      },
      { onProblem },
    )
    expect(ok).toBe(false)
    expect(pf.errorOf('name')).toBe('必填项')
    expect(onProblem).toHaveBeenCalledWith(problem)
    expect(saving.value).toBe(false)
  })

  it('stays saving until an async onProblem has settled', async () => {
    const { saving, submit } = useFormDialog()
    const gate = deferred()
    const running = submit(
      async () => {
        throw problem
      },
      { onProblem: () => gate.promise },
    )
    await Promise.resolve()
    await Promise.resolve()
    expect(saving.value).toBe(true)
    gate.resolve()
    expect(await running).toBe(false)
    expect(saving.value).toBe(false)
  })

  it('rethrows anything that is not a problem, and stops saving', async () => {
    const { pf, saving, submit } = useFormDialog()
    const onProblem = vi.fn()
    await expect(
      submit(
        async () => {
          throw new TypeError('network down')
        },
        { onProblem },
      ),
    ).rejects.toThrow('network down')
    expect(onProblem).not.toHaveBeenCalled()
    expect(pf.problem.value).toBeNull()
    expect(saving.value).toBe(false)
  })
})

describe('useFormDialog open state', () => {
  it('clears the last problem and resets each time the dialog opens, not when it closes', async () => {
    const open = ref(false)
    const onOpen = vi.fn()
    const { pf } = useFormDialog(['name'], { open, onOpen })
    pf.apply(problem)
    open.value = true
    await nextTick()
    expect(onOpen).toHaveBeenCalledOnce()
    expect(pf.problem.value).toBeNull()
    pf.apply(problem)
    open.value = false
    await nextTick()
    expect(onOpen).toHaveBeenCalledOnce()
    expect(pf.errorOf('name')).toBe('必填项')
  })
})

describe('openWhile', () => {
  it('is open while there is a subject and asks to drop it on close', () => {
    const subject = ref<{ id: string } | null>(null)
    const close = vi.fn()
    const open = openWhile(() => subject.value, close)
    expect(open.value).toBe(false)
    subject.value = { id: 'u1' }
    expect(open.value).toBe(true)
    open.value = true
    expect(close).not.toHaveBeenCalled()
    open.value = false
    expect(close).toHaveBeenCalledOnce()
  })
})

describe('formValid', () => {
  it('is true only when every rule passes', async () => {
    const pass = { validate: async () => true }
    const fail = { validate: () => Promise.reject(new Error('rules')) }
    expect(await formValid(ref(pass) as never)).toBe(true)
    expect(await formValid(ref(fail) as never)).toBe(false)
    expect(await formValid(ref(undefined))).toBe(false)
  })
})
