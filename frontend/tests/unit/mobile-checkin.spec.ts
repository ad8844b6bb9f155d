import { describe, expect, it } from 'vitest'
import type { components } from '@/api/schema'
import {
  buildCheckInBody,
  emptyDraft,
  fieldOfPointer,
  fitWithin,
  maskName,
  validateDraft,
  type CheckInDraft,
} from '@/mobile/checkin'
import { toCaseCards } from '@/mobile/cases.api'

type CaseOut = components['schemas']['CaseOut']
type CheckInOut = components['schemas']['CheckInOut']

const filled = (over: Partial<CheckInDraft> = {}): CheckInDraft => ({
  ...emptyDraft(),
  manner: 'in_person',
  attitude: 'accepting',
  ...over,
})

describe('validateDraft', () => {
  it('requires manner and attitude', () => {
    expect(validateDraft(emptyDraft(), '2010-06-03')).toEqual({ manner: 'required', attitude: 'required' })
    expect(validateDraft(filled(), '2010-06-03')).toEqual({})
  })

  it('applies the server rules it can check on the phone', () => {
    expect(validateDraft(filled({ couldNotVisit: true }), '2010-06-03')).toEqual({ attitude: 'mustBeUnreachable' })
    expect(validateDraft(filled({ couldNotVisit: true, attitude: 'unreachable' }), '2010-06-03')).toEqual({})
    expect(validateDraft(filled({ threatsRecorded: true, threatNote: '  ' }), '2010-06-03')).toEqual({
      threatNote: 'required',
    })
    expect(validateDraft(filled({ nextVisitOn: '2010-06-02' }), '2010-06-03')).toEqual({ nextVisitOn: 'beforeVisit' })
    expect(validateDraft(filled({ nextVisitOn: '2010-06-03' }), '2010-06-03')).toEqual({})
    expect(validateDraft(filled({ nextVisitOn: '2010-6-3' }), '2010-06-03')).toEqual({ nextVisitOn: 'invalidDate' })
    expect(validateDraft(filled({ notes: 'x'.repeat(5001) }), '2010-06-03')).toEqual({ notes: 'tooLong' })
  })
})

describe('buildCheckInBody', () => {
  it('sends trimmed text, nulls for blanks, the key as client_id and the phone time with its offset', () => {
    const body = buildCheckInBody(
      filled({ peopleMet: ' 本人 ', notes: '', threatNote: 'left over', nextVisitOn: '2010-07-01' }),
      {
        clientId: 'k-1',
        officerId: 'u-1',
        visitedAt: new Date('2010-06-03T02:30:00Z'),
        gps: { lat: 30.6, lon: 104.1, accuracy_m: 12 },
      },
    )
    expect(body).toMatchObject({
      client_id: 'k-1',
      officers: ['u-1'],
      manner: 'in_person',
      attitude: 'accepting',
      people_met: '本人',
      notes: null,
      place: null,
      threats_recorded: false,
      // A note without the flag is refused by the server: not sent.
      threat_note: null,
      next_visit_on: '2010-07-01',
      gps: { lat: 30.6, lon: 104.1, accuracy_m: 12 },
    })
    expect(body.visited_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(new Date(body.visited_at).toISOString()).toBe('2010-06-03T02:30:00.000Z')
  })

  it('refuses a draft that was not validated', () => {
    expect(() =>
      buildCheckInBody(emptyDraft(), { clientId: 'k', officerId: 'u', visitedAt: new Date(), gps: null }),
    ).toThrow()
  })
})

describe('helpers', () => {
  it('maps problem pointers to form fields', () => {
    expect(fieldOfPointer('#/next_visit_on')).toBe('nextVisitOn')
    expect(fieldOfPointer('#/people_met')).toBe('peopleMet')
    expect(fieldOfPointer('#/officers/0')).toBeNull()
    expect(fieldOfPointer('#')).toBeNull()
  })

  it('masks names to the surname', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳小明')).toBe('欧***')
    expect(maskName('李')).toBe('李*')
    expect(maskName('')).toBe('')
  })

  it('fits photos within 1600 px without enlarging', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 })
  })
})

describe('toCaseCards', () => {
  const kase = (id: string, number: string, names: string[]) =>
    ({ id, number, title: `T${id}`, status: 'resolving', petitioners: names.map((name) => ({ name })) }) as unknown as CaseOut
  const visit = (caseId: string, visitedAt: string, next: string | null) =>
    ({ case_id: caseId, visited_at: visitedAt, next_visit_on: next }) as unknown as CheckInOut

  it('takes each case’s newest visit and puts the soonest next visit first', () => {
    const cards = toCaseCards(
      [kase('a', 'X-1', ['张三']), kase('b', 'X-2', ['李四', '王五']), kase('c', 'X-3', [])],
      // Newest first, as the API returns them.
      [visit('b', '2010-06-05T01:00:00Z', '2010-06-20'), visit('a', '2010-06-04T01:00:00Z', '2010-07-01'), visit('b', '2010-05-01T01:00:00Z', '2010-05-10')],
    )
    expect(cards.map((c) => [c.id, c.nextVisitOn, c.lastVisitAt])).toEqual([
      ['b', '2010-06-20', '2010-06-05T01:00:00Z'],
      ['a', '2010-07-01', '2010-06-04T01:00:00Z'],
      ['c', null, null],
    ])
    expect(cards[0]?.petitioners).toBe('李*、王*')
  })
})
