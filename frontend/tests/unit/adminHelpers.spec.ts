import { describe, expect, it } from 'vitest'
import type { components } from '@/api/schema'
import { arrangementBody, draftFromYear, draftIssues, weekday } from '@/views/admin/calendarForm'
import { phaseOrderProblems, phaseRows, phasesBody } from '@/views/admin/campaignForm'
import { buildOrgTree, subtreeIds, unitPath } from '@/views/admin/orgTree'
import { toOptions } from '@/views/admin/useOrgUnits'
import { parseUserQuery, toUserQuery } from '@/views/admin/userFilters'

type Unit = components['schemas']['OrgUnitOut']

function unit(id: string, parent: string | null, name = id, active = true): Unit {
  return {
    id,
    parent_id: parent,
    name,
    short_name: null,
    kind: 'bureau',
    code: id,
    region_code: null,
    is_active: active,
    depth: 0,
    version: 1,
    created_at: '2010-01-01T00:00:00Z',
    updated_at: '2010-01-01T00:00:00Z',
  }
}

describe('org tree', () => {
  // Depth-first as the API lists it, with the caller's top unit's parent outside the scope.
  const units = [
    unit('county', 'city-outside-scope', '某县司法局'),
    unit('office', 'county', '办公室'),
    unit('jo1', 'county', '城关司法所'),
    unit('jo1a', 'jo1', '调解室', false),
    unit('section', 'county', '法宣科'),
  ]

  it('nests children under parents and keeps the API order', () => {
    const tree = buildOrgTree(units)
    expect(tree.map((n) => n.unit.id)).toEqual(['county'])
    expect(tree[0]?.children.map((n) => n.unit.id)).toEqual(['office', 'jo1', 'section'])
    expect(tree[0]?.children[1]?.children.map((n) => n.unit.id)).toEqual(['jo1a'])
  })

  it('does not depend on input order', () => {
    const shuffled = [units[3], units[0], units[4], units[2], units[1]] as Unit[]
    const tree = buildOrgTree(shuffled)
    expect(tree.map((n) => n.unit.id)).toEqual(['county'])
    expect(tree[0]?.children.map((n) => n.unit.id).sort()).toEqual(['jo1', 'office', 'section'])
  })

  it('finds a subtree (a unit cannot move into it)', () => {
    expect([...subtreeIds(units, 'jo1')].sort()).toEqual(['jo1', 'jo1a'])
    expect(subtreeIds(units, 'county').size).toBe(5)
    expect([...subtreeIds(units, 'office')]).toEqual(['office'])
  })

  it('names a unit with its ancestors in scope', () => {
    expect(unitPath(units, 'jo1a')).toBe('某县司法局 / 城关司法所 / 调解室')
  })

  it('disables the subtree and inactive units in picker options', () => {
    const options = toOptions(buildOrgTree(units), subtreeIds(units, 'jo1'))
    const county = options[0]
    expect(county?.disabled).toBe(false)
    const jo1 = county?.children?.find((o) => o.value === 'jo1')
    expect(jo1?.disabled).toBe(true)
    expect(county?.children?.find((o) => o.value === 'office')?.disabled).toBe(false)
    const inactive = toOptions(buildOrgTree(units))[0]?.children?.find((o) => o.value === 'jo1')?.children?.[0]
    expect(inactive?.disabled).toBe(true)
  })
})

describe('campaign phases', () => {
  it('has one row per phase and sends only the filled ones, in order', () => {
    const rows = phaseRows([{ phase: 'census', starts_on: '2010-03-01', ends_on: '2010-04-30' }])
    expect(rows.map((r) => r.phase)).toEqual(['mobilisation', 'census', 'concentrated_resolution', 'summary_acceptance'])
    rows[3] = { phase: 'summary_acceptance', range: ['2010-11-01', '2010-12-31'] }
    const { phases, index } = phasesBody(rows)
    expect(phases).toEqual([
      { phase: 'census', starts_on: '2010-03-01', ends_on: '2010-04-30' },
      { phase: 'summary_acceptance', starts_on: '2010-11-01', ends_on: '2010-12-31' },
    ])
    expect(index.get('summary_acceptance')).toBe(1)
    expect(index.has('mobilisation')).toBe(false)
  })

  it('flags a phase that starts before the previous one ends', () => {
    const rows = phaseRows([
      { phase: 'mobilisation', starts_on: '2010-01-01', ends_on: '2010-02-28' },
      { phase: 'census', starts_on: '2010-02-15', ends_on: '2010-04-30' },
      { phase: 'concentrated_resolution', starts_on: '2010-05-01', ends_on: '2010-10-31' },
    ])
    expect(phaseOrderProblems(rows)).toEqual(['census'])
  })
})

describe('calendar arrangement', () => {
  it('knows weekdays of plain dates', () => {
    expect(weekday('2026-11-26')).toBe(4) // a Thursday
    expect(weekday('2010-10-09')).toBe(6)
  })

  it('fills the form from the API year and builds a sorted body', () => {
    const draft = draftFromYear({
      year: 2027,
      source: 'override',
      notice_reference: '国办发明电〔2026〕7号',
      days: [
        { day: '2027-02-08', is_workday: false, name: '春节' },
        { day: '2027-02-07', is_workday: true, name: '春节' },
      ],
    })
    expect(draft.holidays).toEqual([{ day: '2027-02-08', name: '春节' }])
    expect(draft.workdays).toEqual([{ day: '2027-02-07', name: '春节' }])
    draft.holidays.unshift({ day: '2027-10-01', name: ' ' })
    const body = arrangementBody(draft)
    expect(body.holidays.map((h) => h.day)).toEqual(['2027-02-08', '2027-10-01'])
    expect(body.holidays[1]?.name).toBeNull()
    expect(body.notice_reference).toBe('国办发明电〔2026〕7号')
  })

  it('reports days outside the year, duplicates and no-op entries', () => {
    const issues = draftIssues(
      {
        notice_reference: '',
        holidays: [
          { day: '2027-02-08', name: '' }, // Monday: fine
          { day: '2026-12-31', name: '' }, // other year
          { day: '2027-02-06', name: '' }, // Saturday holiday: no effect
        ],
        workdays: [
          { day: '2027-02-08', name: '' }, // listed twice, and a weekday
          { day: '', name: '' },
        ],
      },
      2027,
    )
    expect(issues).toEqual([
      { list: 'holidays', index: 1, code: 'other_year' },
      { list: 'holidays', index: 2, code: 'pointless' },
      { list: 'workdays', index: 0, code: 'twice' },
      { list: 'workdays', index: 0, code: 'pointless' },
      { list: 'workdays', index: 1, code: 'empty' },
    ])
  })
})

describe('user list query', () => {
  it('round-trips filters and drops junk', () => {
    const filters = { q: ' 张 ', role: 'leader' as const, org_unit_id: null, is_active: false }
    const query = toUserQuery(filters, 'abc')
    expect(query).toEqual({ q: '张', role: 'leader', is_active: 'false', cursor: 'abc' })
    expect(parseUserQuery(query as Record<string, string>)).toEqual({
      filters: { q: '张', role: 'leader', org_unit_id: null, is_active: false },
      cursor: 'abc',
    })
    expect(parseUserQuery({ role: 'king', org_unit_id: 'x', is_active: 'maybe' }).filters).toEqual({
      q: '',
      role: null,
      org_unit_id: null,
      is_active: null,
    })
  })
})
