import { describe, expect, it } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { pointerToProp, useProblemForm } from '@/composables/useProblemForm'

describe('pointerToProp', () => {
  it.each([
    ['#/petitioners/0/id_number', 'petitioners.0.id_number'],
    ['#/demands', 'demands'],
    ['#/a~1b/c~0d', 'a/b.c~d'],
    ['#', ''],
    ['', ''],
    ['/title', 'title'],
  ])('%s → %s', (pointer, prop) => {
    expect(pointerToProp(pointer)).toBe(prop)
  })
})

describe('useProblemForm', () => {
  const problem = new ApiProblem({
    status: 422,
    title: 'Validation failed',
    detail: '提交的内容有误',
    code: 'validation_failed',
    errors: [
      { pointer: '#/petitioners/0/id_number', detail: '校验位不正确' },
      { pointer: '#/petitioners/0/id_number', detail: '长度不对' },
      { pointer: '#/demands', detail: '必填项' },
      { pointer: '#/not_on_this_form', detail: '不允许的字段' },
      { pointer: '#', detail: 'body error' },
    ],
  })

  it('puts errors on known fields and leaves the rest for the alert', () => {
    const form = useProblemForm(['petitioners.0.id_number', 'demands'])
    expect(form.apply(problem)).toBe(true)
    expect(form.errorOf('petitioners.0.id_number')).toBe('校验位不正确；长度不对')
    expect(form.errorOf('demands')).toBe('必填项')
    expect(form.errorOf('title')).toBe('')
    expect(form.unplaced.value.map((e) => e.detail)).toEqual(['不允许的字段', 'body error'])
    expect(form.problem.value).toBe(problem)
    form.clear()
    expect(form.errorOf('demands')).toBe('')
    expect(form.problem.value).toBeNull()
  })

  it('without a field list every pointer is placed', () => {
    const form = useProblemForm()
    form.apply(problem)
    expect(form.errorOf('not_on_this_form')).toBe('不允许的字段')
    expect(form.unplaced.value).toHaveLength(1)
  })

  it('ignores what is not an ApiProblem', () => {
    const form = useProblemForm()
    expect(form.apply(new TypeError('Failed to fetch'))).toBe(false)
    expect(form.problem.value).toBeNull()
  })
})
