import { describe, expect, it } from 'vitest'
import { messages } from '@/locales'
import {
  CASE_SORTS,
  LEGAL_CHANNELS,
  MEASURES,
  OUTCOME_KINDS,
  PLAN_STATUSES,
  PROCEDURE_STAGES,
  RECEIVING_ORGANS,
  THREE_CROSS_FLAGS,
} from '@/views/cases/enums'
import contractText from '../../../openapi/openapi.json?raw'

const contract = JSON.parse(contractText) as { components: { schemas: Record<string, { enum?: string[] }> } }
const values = (schema: string) => contract.components.schemas[schema]?.enum ?? []
type Enums = (typeof messages)['zh-CN']['cases']['enums']

describe('case enum lists and labels', () => {
  const table: Array<[string, readonly string[], keyof Enums]> = [
    ['ReceivingOrgan', RECEIVING_ORGANS, 'receiving_organ'],
    ['LegalChannel', LEGAL_CHANNELS, 'legal_channel'],
    ['ThreeCrossFlag', THREE_CROSS_FLAGS, 'three_cross_flag'],
    ['ProcedureStage', PROCEDURE_STAGES, 'procedure_stage'],
    ['OutcomeKind', OUTCOME_KINDS, 'outcome_kind'],
    ['Measure', MEASURES, 'measure'],
    ['PlanStatus', PLAN_STATUSES, 'plan_status'],
  ]
  it.each(table)('%s: the list and both locales cover the contract', (schema, list, key) => {
    expect([...list].sort()).toEqual([...values(schema)].sort())
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(Object.keys(messages[locale].cases.enums[key]).sort()).toEqual([...values(schema)].sort())
    }
  })

  it('uses the glossary wording', () => {
    const zh = messages['zh-CN'].cases.enums
    expect(zh.receiving_organ.political_legal_committee).toBe('政法委')
    expect(zh.outcome_kind.handled_by_law).toBe('违法缠访，依法处理')
    expect(zh.three_cross_flag.person_matter_property_separated).toBe('人事物分离')
    expect(zh.measure.relief).toBe('帮扶救助')
    expect(messages['zh-CN'].cases.plan.time_limit).toBe('定时限')
    expect(messages.en.cases.plan.expected_effect).toBe('Expected effect')
  })

  it('has a label for every sort order', () => {
    for (const s of CASE_SORTS) {
      const key = s.startsWith('-') ? `desc_${s.slice(1)}` : s
      expect(messages['zh-CN'].cases.list.sorts).toHaveProperty(key)
      expect(messages.en.cases.list.sorts).toHaveProperty(key)
    }
  })
})
