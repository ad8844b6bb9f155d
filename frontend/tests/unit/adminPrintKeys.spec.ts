import { describe, expect, it } from 'vitest'
import { messages } from '@/locales'

// The sources of the admin and print views, as text: every literal message key they use must exist.
const sources = import.meta.glob('/src/views/{admin,print}/**/*.{ts,vue}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

function has(tree: unknown, path: string): boolean {
  let node: unknown = tree
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

function keysIn(text: string): string[] {
  const keys: string[] = []
  for (const m of text.matchAll(/\bt\('((?:admin|print|common)\.[a-z0-9_.]+)'/g)) keys.push(m[1] as string)
  // Sheet text: s('hearing.title') reads print.sheet.hearing.title (useSheetText).
  for (const m of text.matchAll(/\bs\('([a-z0-9_.]+)'/g)) keys.push(`print.sheet.${m[1] as string}`)
  return keys
}

describe('message keys used by the admin and print views', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10)
  })

  it.each(['zh-CN', 'en'] as const)('exist in %s', (locale) => {
    const missing = Object.entries(sources).flatMap(([file, text]) =>
      keysIn(text)
        .filter((key) => !has(messages[locale], key))
        .map((key) => `${file}: ${key}`),
    )
    expect(missing).toEqual([])
  })

  it('has every dynamic family the views build keys from', () => {
    const zh = messages['zh-CN']
    expect(Object.keys(zh.admin.calendar.weekdays).length).toBe(7)
    expect(Object.keys(zh.admin.provinces).length).toBe(31)
    expect(Object.keys(zh.print.sheet.gender)).toEqual(['male', 'female'])
    expect(Object.keys(zh.print.sheet.relief.opinion)).toEqual(['unit_opinion', 'review', 'decision', 'disbursement'])
  })
})
