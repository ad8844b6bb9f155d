import { describe, expect, it } from 'vitest'
import { calendarItems } from '@/views/hearings/calendarItems'
import { findConflicts, normalisePlace, overlaps, type Booking } from '@/views/hearings/conflicts'
import type { HearingOut } from '@/views/hearings/hearings.api'

const booking = (id: string, start: string, end: string, place: string, officials: string[], active = true): Booking => ({
  id,
  startsAt: start,
  endsAt: end,
  place,
  officials,
  active,
})

describe('overlaps', () => {
  it('treats ranges as half-open: back-to-back sessions do not clash', () => {
    expect(overlaps(0, 10, 10, 20)).toBe(false)
    expect(overlaps(0, 10, 9, 20)).toBe(true)
    expect(overlaps(5, 6, 0, 10)).toBe(true)
  })
})

describe('findConflicts', () => {
  it('flags a shared official at overlapping times, both ways', () => {
    const found = findConflicts([
      booking('a', '2010-06-01T01:00:00Z', '2010-06-01T02:30:00Z', '302 会议室', ['chair-1']),
      booking('b', '2010-06-01T02:00:00Z', '2010-06-01T03:00:00Z', '接访室', ['clerk-9', 'chair-1']),
    ])
    expect(found.get('a')).toEqual([{ otherId: 'b', resource: 'official', key: 'chair-1' }])
    expect(found.get('b')).toEqual([{ otherId: 'a', resource: 'official', key: 'chair-1' }])
  })

  it('flags the same room however it is spelt', () => {
    expect(normalisePlace('  302   会议室 ')).toBe('302 会议室')
    expect(normalisePlace('Room  A')).toBe(normalisePlace('room a'))
    const found = findConflicts([
      booking('a', '2010-06-01T01:00:00Z', '2010-06-01T02:00:00Z', 'Room A', ['u1']),
      booking('b', '2010-06-01T01:30:00+00:00', '2010-06-01T02:30:00Z', ' room  a', ['u2']),
    ])
    expect(found.get('a')).toEqual([{ otherId: 'b', resource: 'place', key: 'room a' }])
  })

  it('compares instants, not strings with different offsets', () => {
    // 09:00–10:00 Beijing is 01:00–02:00 UTC: the same slot.
    const found = findConflicts([
      booking('a', '2010-06-01T09:00:00+08:00', '2010-06-01T10:00:00+08:00', 'x', ['u1']),
      booking('b', '2010-06-01T01:30:00Z', '2010-06-01T02:30:00Z', 'y', ['u1']),
    ])
    expect(found.has('a')).toBe(true)
  })

  it('ignores touching ranges, other people and rooms, and inactive hearings', () => {
    const found = findConflicts([
      booking('a', '2010-06-01T01:00:00Z', '2010-06-01T02:00:00Z', 'R1', ['u1']),
      booking('b', '2010-06-01T02:00:00Z', '2010-06-01T03:00:00Z', 'R1', ['u1']),
      booking('c', '2010-06-01T01:00:00Z', '2010-06-01T03:00:00Z', 'R2', ['u2']),
      booking('d', '2010-06-01T01:00:00Z', '2010-06-01T03:00:00Z', 'R1', ['u1'], false),
    ])
    expect(found.size).toBe(0)
  })

  it('reports every clash: room and official with one hearing, and a third hearing too', () => {
    const found = findConflicts([
      booking('a', '2010-06-01T01:00:00Z', '2010-06-01T05:00:00Z', 'R1', ['u1', 'u2']),
      booking('b', '2010-06-01T02:00:00Z', '2010-06-01T03:00:00Z', 'R1', ['u1']),
      booking('c', '2010-06-01T04:00:00Z', '2010-06-01T06:00:00Z', 'R9', ['u2']),
    ])
    expect(found.get('a')).toHaveLength(3)
    expect(found.get('b')?.map((c) => c.resource).sort()).toEqual(['official', 'place'])
    expect(found.get('c')).toEqual([{ otherId: 'a', resource: 'official', key: 'u2' }])
  })

  it('does not count a person twice within one hearing', () => {
    const found = findConflicts([
      booking('a', '2010-06-01T01:00:00Z', '2010-06-01T02:00:00Z', 'R1', ['u1', 'u1']),
      booking('b', '2010-06-01T01:00:00Z', '2010-06-01T02:00:00Z', 'R2', ['u1']),
    ])
    expect(found.get('a')).toHaveLength(1)
  })
})

describe('calendarItems', () => {
  const hearing = (id: string, startsAt: string, endsAt: string, status: HearingOut['status'], chair: string): HearingOut =>
    ({
      id,
      case_id: 'case',
      case_number: 'QX-1',
      kind: 'mediation',
      status,
      starts_at: startsAt,
      ends_at: endsAt,
      duration_minutes: 60,
      place: id,
      chair: { id: chair, display_name: chair },
      clerk: null,
      participants: [],
    }) as unknown as HearingOut

  it('places hearings on their Beijing day and time and marks clashes of scheduled ones only', () => {
    const items = calendarItems([
      hearing('a', '2010-06-01T17:00:00Z', '2010-06-01T18:00:00Z', 'scheduled', 'u1'), // 2 June 01:00 Beijing
      hearing('b', '2010-06-01T17:30:00Z', '2010-06-01T18:30:00Z', 'scheduled', 'u1'),
      hearing('c', '2010-06-01T17:30:00Z', '2010-06-01T18:30:00Z', 'cancelled', 'u1'),
    ])
    expect(items[0]).toMatchObject({ day: '2010-06-02', start: 60, end: 120, time: '01:00' })
    expect(items[0]?.clashes).toHaveLength(1)
    expect(items[1]?.clashes).toHaveLength(1)
    expect(items[2]?.clashes).toHaveLength(0)
  })
})
