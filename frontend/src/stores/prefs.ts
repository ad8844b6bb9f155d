import { defineStore } from 'pinia'
import { ref } from 'vue'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { DEFAULT_LOCALE, isLocale, setFollowedLocale, type Locale } from '@/locales/meta'

/** Only the locale is remembered: nothing else (and nothing secret) goes to localStorage. */
export const LOCALE_KEY = 'anjie.locale'

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

function apply(locale: Locale): void {
  setFollowedLocale(locale)
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export const usePrefsStore = defineStore('prefs', () => {
  const locale = ref<Locale>(storedLocale())
  apply(locale.value)

  function setLocale(next: Locale): void {
    locale.value = next
    apply(next)
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, next)
    } catch {
      /* private mode: the choice lasts for this tab */
    }
  }

  return { locale, setLocale }
})
