import { describe, expect, it } from 'vitest'
import { enumValues, type EnumName } from '@/api/enumLabels'
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

describe('case enum lists and labels', () => {
  const table: Array<[string, readonly string[], EnumName]> = [
    ['ReceivingOrgan', RECEIVING_ORGANS, 'receiving_organ'],
    ['LegalChannel', LEGAL_CHANNELS, 'legal_channel'],
    ['ThreeCrossFlag', THREE_CROSS_FLAGS, 'three_cross_flag'],
    ['ProcedureStage', PROCEDURE_STAGES, 'procedure_stage'],
    ['OutcomeKind', OUTCOME_KINDS, 'outcome_kind'],
    ['Measure', MEASURES, 'measure'],
    ['PlanStatus', PLAN_STATUSES, 'plan_status'],
  ]
  it.each(table)('%s: the list and the server labels cover the contract', (schema, list, name) => {
    expect([...list].sort()).toEqual([...values(schema)].sort())
    expect([...enumValues(name)].sort()).toEqual([...values(schema)].sort())
  })

  it('keeps the five fixes as UI texts', () => {
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
