import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import table from '@/api/enum-labels.json'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/locales/meta'

/**
 * Labels of the supervision enums the server serves (notice status, accountability decision and
 * status) looked up by name, so this page works whether or not this build's label table has them
 * yet: an unknown enum or value shows the value itself, as enumLabel does.
 */
const index = new Map<string, ReadonlyMap<string, Readonly<Record<Locale, string>>>>(
  Object.entries(table).map(([name, items]) => [name, new Map(items.map((item) => [item.value, item]))]),
)

export const NOTICE_STATUS_ENUM = 'notice_status'
export const DECISION_ENUM = 'accountability_decision'
export const RECORD_STATUS_ENUM = 'accountability_status'

export function labelByName(name: string, value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return ''
  return index.get(name)?.get(value)?.[locale] ?? value
}

export function useSupervisionLabels() {
  const { locale } = useI18n()
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE))
  return (name: string, value: string | null | undefined) => labelByName(name, value, current.value)
}
