import { describe, expect, it } from 'vitest'
import dayjs from 'dayjs'
import {
  activeFilterCount,
  emptyFilters,
  parseCaseQuery,
  toApiQuery,
  toCaseQuery,
  type CaseFilters,
} from '@/views/cases/filters'
import type { LocationQuery } from 'vue-router'

const ID1 = '0637a8db-f4b3-57eb-bfa1-623dc7fb7404'
const ID2 = 'a25d6dd2-1724-5336-8862-70aa3191a2bf'
const ID3 = '2fe314cd-1aee-523b-b376-c9e598477a9e'
const ID4 = 'da9b7615-7b02-5647-bace-3e568927da8f'

/** The URL as the router hands it back: every value a string (or a list of strings). */
function viaUrl(query: ReturnType<typeof toCaseQuery>): LocationQuery {
  const out: LocationQuery = {}
  for (const [k, v] of Object.entries(query)) {
    out[k] = Array.isArray(v) ? v.map(String) : String(v)
  }
  return out
}

describe('case list query', () => {
  it('reads filters and cursor from the URL, dropping unknown values', () => {
    const { filters, cursor } = parseCaseQuery({
      status: ['resolving', 'bogus', 'resolving', 'registered'],
      category: 'legal_aid',
      q: '  张三 ',
      cursor: 'abc',
    })
    expect(filters).toEqual({ ...emptyFilters(), status: ['resolving', 'registered'], category: 'legal_aid', q: '张三' })
    expect(cursor).toBe('abc')
    expect(parseCaseQuery({ status: 'resolved', category: 'nope' }).filters).toEqual({
      ...emptyFilters(),
      status: ['resolved'],
    })
  })

  it('drops malformed ids, booleans, days and sorts', () => {
    const { filters } = parseCaseQuery({
      campaign_id: 'not-a-uuid',
      org_unit_id: "1' OR 1=1",
      sensitive_period: 'yes',
      in_scope: 'false',
      updated_after: '2010-13-45x',
      sort: 'title',
      risk_level: 'extreme',
      three_cross_flag: ['cross_region', 'nowhere'],
      receiving_organ: 'cppcc',
    })
    expect(filters).toEqual({
      ...emptyFilters(),
      in_scope: false,
      three_cross_flag: ['cross_region'],
      receiving_organ: 'cppcc',
    })
  })

  it('writes only what is set', () => {
    const filters: CaseFilters = { ...emptyFilters(), status: ['analysed'] }
    expect(toCaseQuery(filters)).toEqual({ status: ['analysed'] })
    expect(toCaseQuery(filters, 'next')).toEqual({ status: ['analysed'], cursor: 'next' })
    expect(toCaseQuery(emptyFilters())).toEqual({})
  })

  // Each filter alone, then all together: URL → filters → URL loses nothing.
  const every: Array<[string, Partial<CaseFilters>]> = [
    ['status', { status: ['resolving', 'accepted'] }],
    ['category', { category: 'other' }],
    ['receiving_organ', { receiving_organ: 'political_legal_committee' }],
    ['risk_level', { risk_level: 'high' }],
    ['three_cross_flag', { three_cross_flag: ['cross_region', 'person_matter_separated'] }],
    ['sensitive_period', { sensitive_period: true }],
    ['threat_recorded', { threat_recorded: false }],
    ['in_scope', { in_scope: true }],
    ['campaign_id', { campaign_id: ID1 }],
    ['org_unit_id', { org_unit_id: ID2 }],
    ['responsible_leader_id', { responsible_leader_id: ID3 }],
    ['responsible_person_id', { responsible_person_id: ID4 }],
    ['updated_after', { updated_after: '2010-07-01' }],
    ['q', { q: '张三 公证' }],
    ['sort', { sort: 'number' }],
  ]
  it.each(every)('round-trips %s through the URL', (key, part) => {
    const filters = { ...emptyFilters(), ...part }
    const query = toCaseQuery(filters, 'cur')
    expect(Object.keys(query).sort()).toEqual([key, 'cursor'].sort())
    expect(parseCaseQuery(viaUrl(query))).toEqual({ filters, cursor: 'cur' })
  })

  it('round-trips all filters at once', () => {
    const filters = every.reduce<CaseFilters>((acc, [, part]) => ({ ...acc, ...part }), emptyFilters())
    expect(parseCaseQuery(viaUrl(toCaseQuery(filters)))).toEqual({ filters, cursor: null })
    expect(activeFilterCount(filters)).toBe(11)
  })

  it('builds the API query with typed values and an aware datetime', () => {
    const filters: CaseFilters = {
      ...emptyFilters(),
      status: ['registered'],
      sensitive_period: false,
      updated_after: '2010-07-01',
      q: '  ',
      campaign_id: ID1,
    }
    const query = toApiQuery(filters)
    expect(query).toEqual({
      sort: '-updated_at',
      status: ['registered'],
      sensitive_period: false,
      campaign_id: ID1,
      updated_after: dayjs('2010-07-01').startOf('day').format(),
    })
    expect(query.updated_after).toMatch(/^2010-07-01T00:00:00[+-]\d{2}:\d{2}$/)
  })
})
