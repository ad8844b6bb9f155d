import { LOCALES, type Locale } from '@/locales/meta'

/** The language a tap on the switch goes to: the next one, round the list. */
export function nextLocale(current: Locale): Locale {
  const at = LOCALES.indexOf(current)
  return LOCALES[(at + 1) % LOCALES.length] ?? current
}
