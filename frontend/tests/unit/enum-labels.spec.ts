import { describe, expect, it } from 'vitest'
import { ENUM_SCHEMAS, enumLabel, enumValues, isEnumValue, type EnumName } from '@/api/enumLabels'
import table from '@/api/enum-labels.json'
import { messages } from '@/locales'
import contractText from '../../../openapi/openapi.json?raw'

// The labels are the server's (written by `anjie openapi`, compared with /meta/enums by the
// backend's tests): here, that they cover the contract and that the locale files no longer copy them.
const contract = JSON.parse(contractText) as { components: { schemas: Record<string, { enum?: string[] }> } }
const contractEnums = Object.entries(contract.components.schemas)
  .filter(([, schema]) => schema.enum !== undefined)
  .map(([name, schema]) => [name, schema.enum ?? []] as const)
const names = Object.keys(table) as EnumName[]

describe('enum labels from the server', () => {
  it('label every enum of the contract with exactly its values', () => {
    expect(contractEnums.length).toBeGreaterThan(20)
    const labelled = new Map(names.map((name) => [ENUM_SCHEMAS[name], name]))
    for (const [schema, values] of contractEnums) {
      const name = labelled.get(schema as (typeof ENUM_SCHEMAS)[EnumName])
      expect(name, `${schema} has no labels`).toBeDefined()
      expect(enumValues(name!)).toEqual(values)
    }
  })

  it('name only schemas that are enums of the contract', () => {
    const schemas = new Set(contractEnums.map(([schema]) => schema))
    for (const name of names) {
      const schema = ENUM_SCHEMAS[name]
      if (schema !== null) expect(schemas.has(schema), `${name} → ${schema}`).toBe(true)
    }
  })

  it.each(names)('%s: every value has a zh-CN and an English label', (name) => {
    expect(table[name].length).toBeGreaterThan(0)
    for (const item of table[name]) {
      expect(item['zh-CN'].trim(), `${name}.${item.value}`).not.toBe('')
      expect(item.en.trim(), `${name}.${item.value}`).not.toBe('')
    }
  })

  it('looks a label up by locale, and falls back to the value it does not know', () => {
    expect(enumLabel('case_status', 'resolved', 'zh-CN')).toBe('已化解（息诉罢访）')
    expect(enumLabel('case_status', 'referred', 'en')).toBe('Referred to police')
    expect(enumLabel('relief_step', 'notified', 'en')).toBe('Applicant notified')
    expect(enumLabel('org_kind', 'section', 'zh-CN')).toBe('股室')
    expect(enumLabel('role', 'future_role' as never, 'zh-CN')).toBe('future_role')
    expect(isEnumValue('hearing_kind', 'mediation')).toBe(true)
    expect(isEnumValue('hearing_kind', 'reviewed')).toBe(false)
    expect(isEnumValue('hearing_kind', null)).toBe(false)
  })
})

type Tree = { [key: string]: string | Tree }

function* objects(tree: Tree, path: string[] = []): Generator<[string, Tree]> {
  yield [path.join('.'), tree]
  for (const [key, child] of Object.entries(tree)) if (typeof child !== 'string') yield* objects(child, [...path, key])
}

// Texts the UI keys by an enum's values that are not the values' labels: a placeholder per action.
const UI_TEXTS_BY_VALUE = new Set(['relief.step_dialog.opinion_hint'])

describe('the locale files', () => {
  it.each(['zh-CN', 'en'] as const)('%s carries no enum labels', (locale) => {
    const valueSets = names.map((name) => [name, [...enumValues(name)].sort().join()] as const)
    const copies: string[] = []
    for (const [path, node] of objects(messages[locale] as unknown as Tree)) {
      if (path.split('.').includes('enums')) copies.push(path)
      const keys = Object.keys(node).sort().join()
      for (const [name, values] of valueSets) {
        if (keys === values && !UI_TEXTS_BY_VALUE.has(path)) copies.push(`${path} (${name})`)
      }
    }
    expect(copies).toEqual([])
  })
})
