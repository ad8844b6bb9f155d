import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useEnumLabel } from '@/composables/useEnumLabel'
import { i18n } from '@/locales'
import { LOCALE_KEY, usePrefsStore } from '@/stores/prefs'

describe('useEnumLabel', () => {
  const Shown = defineComponent({
    setup() {
      const label = useEnumLabel()
      return () => h('p', [label.caseStatus('resolved'), '|', label.role('office'), '|', label.labelOf('category', 'x')])
    },
  })

  beforeEach(() => setActivePinia(createPinia()))
  // The i18n instance is shared by every test file: leave it as found.
  afterEach(() => usePrefsStore().setLocale('zh-CN'))

  it('shows the server labels in the current locale and follows a switch', async () => {
    const wrapper = mount(Shown, { global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('已化解（息诉罢访）|领导小组办公室|x')
    usePrefsStore().setLocale('en')
    await nextTick()
    expect(wrapper.text()).toBe('Resolved|Campaign office|x')
  })
})

describe('prefs store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('defaults to zh-CN and remembers only the locale', () => {
    const prefs = usePrefsStore()
    expect(prefs.locale).toBe('zh-CN')
    prefs.setLocale('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en')
    expect(Object.keys(localStorage)).toEqual([LOCALE_KEY])
    setActivePinia(createPinia())
    expect(usePrefsStore().locale).toBe('en')
  })

  it('ignores a stored value that is not a locale', () => {
    localStorage.setItem(LOCALE_KEY, 'fr')
    expect(usePrefsStore().locale).toBe('zh-CN')
  })
})
