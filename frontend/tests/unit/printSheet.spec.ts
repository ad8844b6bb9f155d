import { describe, expect, it } from 'vitest'
import { censusRows } from '@/views/print/census'
import { zhDate } from '@/views/print/format'
import type { CaseOut, Enums, ReliefOut } from '@/views/print/print.api'
import { decisionReferences, enumLabel, opinionSections, petitionerNames, receivingReferences } from '@/views/print/sheet'

const enums: Enums = {
  receiving_organ: [{ value: 'municipal_justice_bureau', 'zh-CN': '市司法局', en: 'Municipal justice bureau' }],
  category: [{ value: 'notarisation', 'zh-CN': '公证', en: 'Notarisation' }],
  case_status: [{ value: 'resolving', 'zh-CN': '化解中', en: 'Resolving' }],
  legal_channel: [{ value: 'litigation', 'zh-CN': '已进入诉讼', en: 'Court litigation' }],
  three_cross_flag: [{ value: 'cross_region', 'zh-CN': '跨地区', en: 'Cross-region' }],
  measure: [{ value: 'public_hearing', 'zh-CN': '公开听证', en: 'Public hearing' }],
}

// A fake sheet text function: key and arguments, so the test sees what was asked for.
const s = (key: string, named: Record<string, unknown> = {}) =>
  Object.keys(named).length ? `${key}(${Object.values(named).join(',')})` : key

function aCase(overrides: Partial<CaseOut> = {}): CaseOut {
  const base = {
    id: 'c1',
    number: 'XJ-2010-0007',
    campaign_id: 'k',
    org_unit_id: 'u',
    title: '公证纠纷',
    registered_on: '2010-03-02',
    petition_form: 'visit',
    first_petition_on: '2008-05-06',
    latest_petition_on: null,
    petition_count: 4,
    group_size: 1,
    category: 'notarisation',
    receiving_organs: [{ organ: 'municipal_justice_bureau', reference_number: '市司信交〔2010〕5号', received_on: '2010-02-01' }],
    decision_organ: '某县公证处',
    decision_reference: '（2007）某证字第12号',
    decision_date: null,
    decision_effective_on: '2007-08-01',
    decision_summary: null,
    demands: '撤销公证书',
    cause: null,
    crux: null,
    legal_channels: ['litigation'],
    legal_channels_exhausted: false,
    petitioned_before_ruling: false,
    three_cross: true,
    three_cross_flags: ['cross_region'],
    three_cross_note: '户籍在外县',
    sensitive_period: false,
    risk_level: 'low',
    threat_recorded: false,
    threat_note: null,
    province_visits: 1,
    beijing_visits: 0,
    last_escalated_visit_on: null,
    procedures: [],
    petitioners: [],
    in_scope: true,
    out_of_scope_reason: null,
    status: 'resolving',
    status_changed_at: '2010-04-01T00:00:00Z',
    outcome_kind: null,
    outcome_note: null,
    commitment_signed: false,
    commitment_signed_on: null,
    termination_basis: null,
    termination_decided_by: null,
    termination_filing_status: null,
    police_organ: null,
    reopen_count: 0,
    responsible_leader: { id: 'l', name: '王局长' },
    responsible_department: null,
    responsible_person: null,
    version: 1,
    created_at: '2010-03-02T00:00:00Z',
    updated_at: '2010-03-02T00:00:00Z',
  }
  return { ...base, ...overrides } as CaseOut
}

describe('sheet helpers', () => {
  it('labels enum values in zh-CN, falling back to the value', () => {
    expect(enumLabel(enums, 'category', 'notarisation')).toBe('公证')
    expect(enumLabel(enums, 'category', 'unheard_of')).toBe('unheard_of')
    expect(enumLabel(null, 'category', 'notarisation')).toBe('notarisation')
    expect(enumLabel(enums, 'category', null)).toBe('')
  })

  it('names groups of petitioners the way ledgers do', () => {
    expect(petitionerNames([{ name: '张三' }])).toBe('张三')
    expect(petitionerNames([{ name: '张三' }, { name: '李四' }])).toBe('张三、李四')
    expect(petitionerNames([{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }])).toBe('A、B、C等4人')
    expect(petitionerNames([{ name: '张三' }], 30)).toBe('张三等30人')
  })

  it('collects reference numbers', () => {
    const c = aCase({ procedures: [{ stage: 'review', organ: '市司法局', decided_on: null, reference_number: '市司复〔2009〕2号', conclusion: null }] })
    expect(receivingReferences(enums, c)).toEqual(['市司法局 市司信交〔2010〕5号'])
    expect(decisionReferences(c)).toEqual(['某县公证处 （2007）某证字第12号', '市司法局 市司复〔2009〕2号'])
  })

  it('fills the approval boxes from the step history', () => {
    const entry = (action: string, step: string, opinion: string) =>
      ({ action, step, actor: { id: 'x', display_name: opinion }, at: '2010-05-01T02:00:00Z', opinion, amount: null, due_at: null }) as ReliefOut['history'][number]
    const sections = opinionSections([
      entry('submit', 'submitted', 'a'),
      entry('unit_opinion', 'unit_opinion', 'b'),
      entry('review', 'reviewed', 'c'),
      entry('approve', 'reviewed', 'first of two'), // exceptional: first approval keeps the step
      entry('approve', 'approved', 'second'),
      entry('disburse', 'disbursed', 'paid'),
    ])
    expect(sections.map((x) => x.key)).toEqual(['unit_opinion', 'review', 'decision', 'disbursement'])
    expect(sections[0]?.entries.map((e) => e.opinion)).toEqual(['b'])
    expect(sections[1]?.entries.map((e) => e.opinion)).toEqual(['c'])
    expect(sections[2]?.entries.map((e) => e.opinion)).toEqual(['first of two', 'second'])
    expect(sections[3]?.entries.map((e) => e.opinion)).toEqual(['paid'])
    expect(opinionSections([entry('reject', 'rejected', 'no')])[2]?.entries.map((e) => e.opinion)).toEqual(['no'])
  })
})

describe('census rows', () => {
  it('prints what the case has, in ledger order, and leaves out what it lacks', () => {
    const rows = censusRows(aCase(), null, enums, s, zhDate)
    const keys = rows.map((r) => r.key)
    expect(keys.slice(0, 3)).toEqual(['first_petition_on', 'registered_on', 'petition_count'])
    expect(keys).not.toContain('latest_petition_on')
    expect(keys).not.toContain('cause')
    expect(keys).not.toContain('time_limit')
    expect(keys).not.toContain('reopen_count')
    const value = (k: string) => rows.find((r) => r.key === k)?.value
    expect(value('first_petition_on')).toBe('2008年5月6日')
    expect(value('category')).toBe('公证')
    expect(value('receiving_organs')).toBe('市司法局，census.reference(市司信交〔2010〕5号)，census.received_on(2010年2月1日)')
    expect(value('decision')).toBe('某县公证处，（2007）某证字第12号，census.effective_on(2007年8月1日)')
    expect(value('legal_channels')).toBe('common.no\ncensus.channels(已进入诉讼)')
    expect(value('three_cross')).toBe('跨地区\n户籍在外县')
    expect(value('responsible_leader')).toBe('王局长')
    expect(value('status')).toBe('化解中')
    // Yes/no fields always print: "否" is information on a ledger.
    expect(value('sensitive_period')).toBe('common.no')
  })

  it('adds the plan time limit and measures when there is a plan', () => {
    const plan = { time_limit: '2010-09-30', measures: ['public_hearing'], measures_detail: '请律师参与' } as Parameters<typeof censusRows>[1]
    const rows = censusRows(aCase(), plan, enums, s, zhDate)
    expect(rows.find((r) => r.key === 'time_limit')?.value).toBe('2010年9月30日')
    expect(rows.find((r) => r.key === 'measures')?.value).toBe('公开听证\n请律师参与')
  })
})
