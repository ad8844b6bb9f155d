import { describe, expect, it } from 'vitest'
import { barOption, formatDue, pieOption, unitBuckets } from '@/views/dashboard/charts'

const buckets = [
  { key: 'registered', count: 7 },
  { key: 'resolving', count: 2 },
]
const label = (k: string) => `<${k}>`

describe('dashboard charts', () => {
  it('bars keep the API order and carry each key for the click-through', () => {
    const option = barOption(buckets, label)
    expect(option.yAxis.data).toEqual(['<registered>', '<resolving>'])
    expect(option.series[0]?.data).toEqual([
      { value: 7, key: 'registered' },
      { value: 2, key: 'resolving' },
    ])
    expect(option.yAxis.inverse).toBe(true) // largest on top
  })

  it('pie slices are labelled and keyed', () => {
    expect(pieOption(buckets, label).series[0]?.data).toEqual([
      { name: '<registered>', value: 7, key: 'registered' },
      { name: '<resolving>', value: 2, key: 'resolving' },
    ])
  })

  it('units are keyed by id and named by the API', () => {
    const { buckets: b, names } = unitBuckets([{ org_unit_id: 'u1', name: '清溪县司法局', count: 3 }])
    expect(b).toEqual([{ key: 'u1', count: 3 }])
    expect(barOption(b, (k) => names.get(k) ?? k).yAxis.data).toEqual(['清溪县司法局'])
  })

  it('empty data makes empty charts, not errors', () => {
    expect(barOption([], label).series[0]?.data).toEqual([])
    expect(pieOption([], label).series[0]?.data).toEqual([])
  })
})

describe('formatDue (Asia/Shanghai)', () => {
  const now = new Date('2026-11-26T06:00:00Z') // 14:00 in Shanghai
  it('shows only the time today', () => {
    expect(formatDue('2026-11-26T15:59:59Z', now)).toBe('23:59')
  })
  it('uses the Shanghai day, not UTC', () => {
    // 16:30 UTC on the 26th is already the 27th in Shanghai.
    expect(formatDue('2026-11-26T16:30:00Z', now)).toBe('11-27 00:30')
  })
  it('adds the year when it differs', () => {
    expect(formatDue('2027-01-02T01:00:00Z', now)).toBe('2027-01-02 09:00')
  })
})
