import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n, messages } from '@/locales'
import { LOCALE_KEY, usePrefsStore } from '@/stores/prefs'
import contractText from '../../../openapi/openapi.json?raw'

const contract = JSON.parse(contractText) as {
  components: { schemas: Record<string, { enum?: string[] }> }
}
const values = (schema: string) => contract.components.schemas[schema]?.enum ?? []

describe('enum labels (GLOSSARY.md)', () => {
  const table: Array<[string, (m: (typeof messages)['zh-CN']) => Record<string, string>]> = [
    ['CaseStatus', (m) => m.cases.enums.case_status],
    ['CaseAction', (m) => m.cases.enums.case_action],
    ['Category', (m) => m.cases.enums.category],
    ['RoleInCase', (m) => m.cases.enums.role_in_case],
    ['PetitionForm', (m) => m.cases.enums.petition_form],
    ['RiskLevel', (m) => m.cases.enums.risk_level],
    ['Role', (m) => m.common.enums.role],
  ]
  it.each(table)('%s has a label for every value in both locales', (schema, pick) => {
    expect(values(schema).length).toBeGreaterThan(0)
    for (const locale of ['zh-CN', 'en'] as const) {
      const labels = pick(messages[locale])
      expect(Object.keys(labels).sort()).toEqual([...values(schema)].sort())
    }
  })

  it('uses the glossary wording', () => {
    expect(messages['zh-CN'].cases.enums.case_status.resolved).toBe('已化解（息诉罢访）')
    expect(messages['zh-CN'].common.enums.role.office).toBe('领导小组办公室')
    expect(messages.en.cases.enums.case_status.referred).toBe('Referred to police')
  })
})

describe('prefs store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('defaults to zh-CN and remembers only the locale', () => {
    const prefs = usePrefsStore()
    expect(prefs.locale).toBe('zh-CN')
    prefs.setLocale('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en')
    expect(Object.keys(localStorage)).toEqual([LOCALE_KEY])
    setActivePinia(createPinia())
    expect(usePrefsStore().locale).toBe('en')
  })

  it('ignores a stored value that is not a locale', () => {
    localStorage.setItem(LOCALE_KEY, 'fr')
    expect(usePrefsStore().locale).toBe('zh-CN')
  })
})
