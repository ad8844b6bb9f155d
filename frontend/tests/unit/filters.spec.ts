import { describe, expect, it } from 'vitest'
import { parseCaseQuery, toCaseQuery } from '@/views/cases/filters'

describe('case list query', () => {
  it('reads filters and cursor from the URL, dropping unknown values', () => {
    const { filters, cursor } = parseCaseQuery({
      status: ['resolving', 'bogus', 'resolving', 'registered'],
      category: 'legal_aid',
      q: '  张三 ',
      cursor: 'abc',
    })
    expect(filters).toEqual({ status: ['resolving', 'registered'], category: 'legal_aid', q: '张三' })
    expect(cursor).toBe('abc')
    expect(parseCaseQuery({ status: 'resolved', category: 'nope' }).filters).toEqual({
      status: ['resolved'],
      category: null,
      q: '',
    })
  })

  it('writes only what is set and round-trips', () => {
    const filters = { status: ['analysed' as const], category: null, q: '' }
    expect(toCaseQuery(filters)).toEqual({ status: ['analysed'] })
    expect(toCaseQuery(filters, 'next')).toEqual({ status: ['analysed'], cursor: 'next' })
    const q = { status: ['resolving' as const], category: 'other' as const, q: 'x' }
    expect(parseCaseQuery(toCaseQuery(q, 'c') as never)).toEqual({ filters: q, cursor: 'c' })
  })
})
