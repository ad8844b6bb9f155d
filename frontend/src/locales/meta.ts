/**
 * The locales and who follows the chosen one, without any messages: the phone app imports this
 * (through the prefs store) without pulling every namespace into its bundle.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** An i18n instance (composition mode) whose locale follows the user's choice. */
export interface LocaleTarget {
  global: { locale: { value: string } }
}

const targets = new Set<LocaleTarget>()
let current: Locale | null = null

/** The app's i18n instance registers here; it takes the current choice at once if one was made. */
export function followLocale(target: LocaleTarget): void {
  targets.add(target)
  if (current !== null) target.global.locale.value = current
}

/** Called by the prefs store: every registered instance switches. */
export function setFollowedLocale(locale: Locale): void {
  current = locale
  for (const target of targets) target.global.locale.value = locale
}
