import { createI18n } from 'vue-i18n'
import zhCommon from './zh-CN/common.json'
import zhCases from './zh-CN/cases.json'
import zhDashboard from './zh-CN/dashboard.json'
import zhHearings from './zh-CN/hearings.json'
import zhRelief from './zh-CN/relief.json'
import zhCheckins from './zh-CN/checkins.json'
import zhAdmin from './zh-CN/admin.json'
import zhPrint from './zh-CN/print.json'
import zhMobile from './zh-CN/mobile.json'
import zhSupervision from './zh-CN/supervision.json'
import enCommon from './en/common.json'
import enCases from './en/cases.json'
import enDashboard from './en/dashboard.json'
import enHearings from './en/hearings.json'
import enRelief from './en/relief.json'
import enCheckins from './en/checkins.json'
import enAdmin from './en/admin.json'
import enPrint from './en/print.json'
import enMobile from './en/mobile.json'
import enSupervision from './en/supervision.json'

import { DEFAULT_LOCALE, followLocale, type Locale } from './meta'

export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './meta'

/** zh-CN is the master schema: the file name is the namespace (`cases.list.title`). */
const zhCN = {
  common: zhCommon,
  cases: zhCases,
  dashboard: zhDashboard,
  hearings: zhHearings,
  relief: zhRelief,
  checkins: zhCheckins,
  admin: zhAdmin,
  print: zhPrint,
  mobile: zhMobile,
  supervision: zhSupervision,
}
export type MessageSchema = typeof zhCN

// en must have every key zh-CN has (a missing key fails typecheck here).
const en: MessageSchema = {
  common: enCommon,
  cases: enCases,
  dashboard: enDashboard,
  hearings: enHearings,
  relief: enRelief,
  checkins: enCheckins,
  admin: enAdmin,
  print: enPrint,
  mobile: enMobile,
  supervision: enSupervision,
}

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
// The prefs store sets the locale of every instance that follows it (the phone app has its own).
followLocale(i18n)
