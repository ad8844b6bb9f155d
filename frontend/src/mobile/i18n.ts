import { createI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, followLocale, type Locale } from '@/locales/meta'
import enMobile from '@/locales/en/mobile.json'
import zhMobile from '@/locales/zh-CN/mobile.json'

/**
 * The phone app's own instance: only the namespace it uses (the desktop's carries them all, some
 * 20 kB gzip the phone would load for nothing). Its locale follows the prefs store like the desktop's.
 */
const zhCN = { mobile: zhMobile }
export type MobileMessages = typeof zhCN
const en: MobileMessages = { mobile: enMobile }

export const mobileI18n = createI18n<[MobileMessages], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
})
followLocale(mobileI18n)
