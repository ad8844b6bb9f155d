import { createI18n } from 'vue-i18n'
import zhCommon from './zh-CN/common.json'
import zhCases from './zh-CN/cases.json'
import enCommon from './en/common.json'
import enCases from './en/cases.json'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** zh-CN is the master schema: the file name is the namespace (`cases.list.title`). */
const zhCN = { common: zhCommon, cases: zhCases }
export type MessageSchema = typeof zhCN

// en must have every key zh-CN has (a missing key fails typecheck here).
const en: MessageSchema = { common: enCommon, cases: enCases }

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en }

export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
  })
}

export const i18n = createAppI18n()
