import { describe, expect, it } from 'vitest'
import { messages } from '@/locales'
import contractText from '../../../openapi/openapi.json?raw'

const contract = JSON.parse(contractText) as { components: { schemas: Record<string, { enum?: string[] }> } }
const values = (schema: string) => contract.components.schemas[schema]?.enum ?? []

describe('hearing, relief and check-in labels (GLOSSARY.md)', () => {
  const table: Array<[string, (m: (typeof messages)['zh-CN']) => Record<string, string>]> = [
    ['HearingKind', (m) => m.hearings.enums.kind],
    ['HearingStatus', (m) => m.hearings.enums.status],
    ['ParticipantKind', (m) => m.hearings.enums.participant_kind],
    ['Step', (m) => m.relief.enums.step],
    ['ReliefKind', (m) => m.relief.enums.kind],
    ['Attitude', (m) => m.checkins.enums.attitude],
    ['VisitManner', (m) => m.checkins.enums.manner],
  ]
  it.each(table)('%s has a label for every value in both locales', (schema, pick) => {
    expect(values(schema).length).toBeGreaterThan(0)
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(Object.keys(pick(messages[locale])).sort()).toEqual([...values(schema)].sort())
    }
  })

  it('uses the glossary wording', () => {
    expect(messages['zh-CN'].hearings.enums.kind.public_hearing).toBe('公开听证')
    expect(messages['zh-CN'].relief.enums.step.unit_opinion).toBe('承办单位意见')
    expect(messages['zh-CN'].relief.enums.step.notified).toBe('已告知')
    expect(messages.en.relief.enums.step.notified).toBe('Applicant notified')
    expect(messages['zh-CN'].checkins.enums.attitude.unreachable).toBe('未见到本人')
  })
})
