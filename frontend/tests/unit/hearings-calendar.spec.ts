import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  assignLanes,
  monthEnd,
  monthGrid,
  shiftAnchor,
  visibleRange,
  weekDays,
  weekStart,
  weekdayIndex,
} from '@/views/hearings/calendar'

describe('week math (weeks start on Monday)', () => {
  it('finds the Monday of a week, Sunday included in the week before it', () => {
    expect(weekStart('2010-06-16')).toBe('2010-06-14') // Wednesday
    expect(weekStart('2010-06-14')).toBe('2010-06-14') // Monday itself
    expect(weekStart('2010-06-20')).toBe('2010-06-14') // Sunday belongs to the week it ends
    expect(weekdayIndex('2010-06-20')).toBe(6)
  })

  it('crosses month and year boundaries', () => {
    expect(weekStart('2011-01-01')).toBe('2010-12-27') // a Saturday
    expect(weekDays('2010-12-31')).toEqual([
      '2010-12-27',
      '2010-12-28',
      '2010-12-29',
      '2010-12-30',
      '2010-12-31',
      '2011-01-01',
      '2011-01-02',
    ])
    expect(weekStart('2010-03-02')).toBe('2010-03-01')
    expect(weekStart('2012-03-01')).toBe('2012-02-27') // leap year February
    expect(addDays('2012-02-28', 1)).toBe('2012-02-29')
  })

  it('moves a week at a time', () => {
    expect(shiftAnchor('week', '2010-12-29', 1)).toBe('2011-01-05')
    expect(shiftAnchor('week', '2011-01-05', -1)).toBe('2010-12-29')
    expect(visibleRange('week', '2010-12-29')).toEqual({ from: '2010-12-27', to: '2011-01-02' })
  })
})

describe('month math', () => {
  it('steps months from the first, whatever the day (31 Jan + 1 = 1 Feb)', () => {
    expect(addMonths('2011-01-31', 1)).toBe('2011-02-01')
    expect(addMonths('2010-12-15', 1)).toBe('2011-01-01')
    expect(addMonths('2011-01-15', -1)).toBe('2010-12-01')
    expect(shiftAnchor('month', shiftAnchor('month', '2010-11-30', 1), 1)).toBe('2011-01-01')
    expect(monthEnd('2012-02-10')).toBe('2012-02-29')
    expect(monthEnd('2011-02-10')).toBe('2011-02-28')
  })

  it('lays a month out in whole Monday-to-Sunday weeks', () => {
    const june = monthGrid('2010-06-09') // 1 June 2010 is a Tuesday, 30 June a Wednesday
    expect(june).toHaveLength(5)
    expect(june[0]?.[0]).toBe('2010-05-31')
    expect(june[4]?.[6]).toBe('2010-07-04')
    for (const week of june) expect(week).toHaveLength(7)
    expect(weekdayIndex(june[2]![0]!)).toBe(0)
  })

  it('handles a month that fills exactly four weeks and one that needs six', () => {
    expect(monthGrid('2010-02-01')).toHaveLength(4) // Feb 2010 starts on a Monday, 28 days
    const may2010 = monthGrid('2010-05-20') // 1 May is a Saturday, 31 May a Monday
    expect(may2010).toHaveLength(6)
    expect(may2010[0]?.[0]).toBe('2010-04-26')
    expect(may2010[5]?.[6]).toBe('2010-06-06')
  })

  it('shows December into the next year', () => {
    expect(visibleRange('month', '2010-12-25')).toEqual({ from: '2010-11-29', to: '2011-01-02' })
  })
})

describe('assignLanes', () => {
  it('puts overlapping items side by side and separate ones full width', () => {
    const lanes = assignLanes([
      { id: 'a', start: 540, end: 630 },
      { id: 'b', start: 600, end: 660 },
      { id: 'c', start: 660, end: 720 }, // starts as b ends: no overlap
    ])
    expect(lanes.get('a')).toEqual({ lane: 0, lanes: 2 })
    expect(lanes.get('b')).toEqual({ lane: 1, lanes: 2 })
    expect(lanes.get('c')).toEqual({ lane: 0, lanes: 1 })
  })

  it('reuses a freed lane inside one cluster', () => {
    const lanes = assignLanes([
      { id: 'long', start: 480, end: 720 },
      { id: 'early', start: 490, end: 540 },
      { id: 'later', start: 560, end: 600 },
    ])
    expect(lanes.get('long')).toEqual({ lane: 0, lanes: 2 })
    expect(lanes.get('early')).toEqual({ lane: 1, lanes: 2 })
    expect(lanes.get('later')).toEqual({ lane: 1, lanes: 2 })
  })
})
