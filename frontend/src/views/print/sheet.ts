import type { CaseOut, Enums, PetitionerOut, ReliefOut } from './print.api'

/** An enum value's zh-CN label from /meta/enums; the raw value if the API does not know it. */
export function enumLabel(enums: Enums | null, name: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  return enums?.[name]?.find((item) => item.value === value)?.['zh-CN'] ?? value
}

/** Labels of several values joined with the Chinese enumeration comma. */
export function enumLabels(enums: Enums | null, name: string, values: readonly string[]): string {
  return values.map((v) => enumLabel(enums, name, v)).join('、')
}

export function petitionerById(c: CaseOut, id: string): PetitionerOut | undefined {
  return c.petitioners.find((p) => p.id === id)
}

/** `张三、李四等3人` — how a ledger names a group of petitioners. */
export function petitionerNames(people: readonly Pick<PetitionerOut, 'name'>[], groupSize?: number): string {
  const names = people.map((p) => p.name)
  if (names.length <= 3 && (groupSize === undefined || groupSize <= names.length)) return names.join('、')
  return `${names.slice(0, 3).join('、')}等${Math.max(groupSize ?? 0, names.length)}人`
}

/**
 * The approval form's opinion boxes, in the order the chain runs, by the action each records.
 * (By action, not step: an exceptional first approval leaves the step at `reviewed`.)
 */
export const OPINION_SECTIONS = [
  { key: 'unit_opinion', actions: ['unit_opinion'] },
  { key: 'review', actions: ['review'] },
  { key: 'decision', actions: ['approve', 'reject'] },
  { key: 'disbursement', actions: ['disburse', 'notify'] },
] as const
export type OpinionSectionKey = (typeof OPINION_SECTIONS)[number]['key']
export type HistoryEntry = ReliefOut['history'][number]

/**
 * Each box of the approval form with the history entries that fill it. An exceptional approval
 * has two approvals (two leaders), so a box can hold several entries; a box the application has
 * not reached stays empty, for a hand-written opinion and signature.
 */
export function opinionSections(history: readonly HistoryEntry[]): Array<{ key: OpinionSectionKey; entries: HistoryEntry[] }> {
  return OPINION_SECTIONS.map((section) => ({
    key: section.key,
    entries: history.filter((entry) => (section.actions as readonly string[]).includes(entry.action)),
  }))
}

/** `交办文号` of each receiving organ that has one: `市司法局 交办文号〔2010〕5号`. */
export function receivingReferences(enums: Enums | null, c: CaseOut): string[] {
  return c.receiving_organs
    .filter((o) => o.reference_number)
    .map((o) => `${enumLabel(enums, 'receiving_organ', o.organ)} ${o.reference_number ?? ''}`.trim())
}

/** The original decision and its reviews: `县司法局 某司决〔2008〕3号（2008年…生效）`. */
export function decisionReferences(c: CaseOut): string[] {
  const out: string[] = []
  if (c.decision_organ || c.decision_reference) {
    out.push([c.decision_organ, c.decision_reference].filter(Boolean).join(' '))
  }
  for (const p of c.procedures) {
    if (p.reference_number) out.push(`${p.organ} ${p.reference_number}`)
  }
  return out
}
