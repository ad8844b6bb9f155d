import { describe, expect, it } from 'vitest'
import { parseServerClashes } from '@/views/hearings/hearings.api'
import { addMinutesWall, formatDate, formatDateTime, minutesBetween, toShanghai, todayKey, wallToIso } from '@/lib/shanghai'
import { formatBytes } from '@/views/attachments/attachments.api'

describe('Shanghai time', () => {
  it('shows instants on the Beijing clock whatever their offset', () => {
    expect(formatDateTime('2010-06-01T16:30:00Z')).toBe('2010-06-02 00:30')
    expect(formatDateTime('2010-06-01T09:30:00+08:00')).toBe('2010-06-01 09:30')
    expect(toShanghai('2010-12-31T16:00:00Z')).toEqual({ date: '2011-01-01', time: '00:00', minutes: 0 })
    expect(formatDateTime(null)).toBe('')
  })

  it('keeps calendar dates as they are and puts instants on their Beijing day', () => {
    expect(formatDate('2010-06-01')).toBe('2010-06-01')
    expect(formatDate('2010-06-01T23:59:59+08:00')).toBe('2010-06-01')
    expect(formatDate('2010-06-01T15:59:59Z')).toBe('2010-06-01')
  })

  it('turns typed wall time into an instant with the +08:00 offset', () => {
    expect(wallToIso('2010-06-01 09:30')).toBe('2010-06-01T09:30:00+08:00')
    expect(Date.parse(wallToIso('2010-06-01 09:30'))).toBe(Date.parse('2010-06-01T01:30:00Z'))
    expect(() => wallToIso('tomorrow')).toThrow(RangeError)
  })

  it('does wall-time arithmetic across midnight and year ends', () => {
    expect(minutesBetween('2010-12-31 23:30', '2011-01-01 01:00')).toBe(90)
    expect(addMinutesWall('2010-12-31 23:30', 90)).toBe('2011-01-01 01:00')
    expect(todayKey(new Date('2010-12-31T16:00:00Z'))).toBe('2011-01-01')
  })
})

describe('parseServerClashes', () => {
  it('reads the clashes of a hearing_conflict problem and skips malformed items', () => {
    const body = {
      code: 'hearing_conflict',
      conflicts: [
        {
          hearing_id: 'h1',
          starts_at: '2010-06-01T01:00:00+00:00',
          ends_at: '2010-06-01T02:00:00+00:00',
          resource: 'official',
          place: 'R1',
          user_id: 'u1',
          user_name: '张明',
        },
        { hearing_id: 'h2', starts_at: 'x', ends_at: 'y', resource: 'place', place: 'R1', user_id: null, user_name: null },
        { hearing_id: 3 },
        'junk',
      ],
    }
    const clashes = parseServerClashes(body)
    expect(clashes).toHaveLength(2)
    expect(clashes[0]).toMatchObject({ resource: 'official', user_name: '张明' })
    expect(clashes[1]).toMatchObject({ resource: 'place', user_id: null })
    expect(parseServerClashes({ code: 'other' })).toEqual([])
    expect(parseServerClashes(null)).toEqual([])
  })
})

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB')
    expect(formatBytes(150 * 1024)).toBe('150 KB')
  })
})
