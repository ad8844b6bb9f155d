import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n as desktopI18n } from '@/locales'
import { followLocale } from '@/locales/meta'
import { mobileI18n as i18n } from '@/mobile/i18n'
import { closeOfflineDb, DB_NAME } from '@/offline/db'
import { enqueue } from '@/offline/queue'
import { LOCALE_KEY, usePrefsStore } from '@/stores/prefs'
import { useOfflineStore } from '@/stores/offline'

// Vant's style entries import CSS from node_modules, which the test runner cannot load.
vi.mock('vant/es/nav-bar/style/index', () => ({}))
vi.mock('vant/es/button/style/index', () => ({}))
vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW: () => ({ needRefresh: ref(false), updateServiceWorker: vi.fn() }),
}))

const { nextLocale } = await import('@/mobile/locale')
const LocaleToggle = (await import('@/mobile/components/LocaleToggle.vue')).default
const MobileLayout = (await import('@/layouts/MobileLayout.vue')).default

let pinia: Pinia

beforeEach(() => {
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(async () => {
  // The i18n instance is shared by every test file: leave it as found.
  usePrefsStore().setLocale('zh-CN')
  localStorage.clear()
  await closeOfflineDb()
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
})

describe('nextLocale', () => {
  it('goes round the two languages', () => {
    expect(nextLocale('zh-CN')).toBe('en')
    expect(nextLocale('en')).toBe('zh-CN')
  })
})

describe('LocaleToggle', () => {
  it('switches the app to English and back, remembered like the desktop’s choice', async () => {
    const wrapper = mount(LocaleToggle, { global: { plugins: [pinia, i18n] } })
    const button = wrapper.get('[data-test=locale-toggle]')
    expect(button.text()).toContain('English')
    expect(button.attributes('aria-label')).toBe('切换为 English')

    await button.trigger('click')
    expect(i18n.global.locale.value).toBe('en')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(button.text()).toContain('中文')
    expect(button.attributes('aria-label')).toBe('Switch to 中文')

    // A new start (fresh stores) reads the stored choice, as the desktop does.
    setActivePinia(createPinia())
    expect(usePrefsStore().locale).toBe('en')

    await button.trigger('click')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('zh-CN')
  })
})

describe('the phone app’s i18n instance', () => {
  it('carries only the namespace the phone uses', () => {
    expect(Object.keys(i18n.global.messages.value['zh-CN'] ?? {})).toEqual(['mobile'])
    expect(Object.keys(i18n.global.messages.value.en ?? {})).toEqual(['mobile'])
  })

  it('follows the prefs store together with the desktop’s instance', () => {
    usePrefsStore().setLocale('en')
    expect([i18n.global.locale.value, desktopI18n.global.locale.value]).toEqual(['en', 'en'])
    // One registered later takes the current choice at once.
    const late = { global: { locale: { value: 'zh-CN' } } }
    followLocale(late)
    expect(late.global.locale.value).toBe('en')
    usePrefsStore().setLocale('zh-CN')
    expect([i18n.global.locale.value, desktopI18n.global.locale.value, late.global.locale.value]).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ])
  })
})

describe('MobileLayout queue badge', () => {
  const Blank = defineComponent({ template: '<div />' })

  async function mountLayout() {
    const router = createRouter({
      history: createMemoryHistory('/m/'),
      routes: [
        { path: '/', name: 'm-cases', component: Blank, meta: { titleKey: 'mobile.cases.title', layout: 'bare' } },
        { path: '/queue', name: 'm-queue', component: Blank, meta: { titleKey: 'mobile.queue.title', layout: 'bare' } },
      ],
    })
    await router.push('/')
    await router.isReady()
    return mount(MobileLayout, { global: { plugins: [pinia, i18n, router] } })
  }

  it('counts only the signed-in officer’s items and names the others separately', async () => {
    const A = { id: 'user-a', name: '张警官' }
    const B = { id: 'user-b', name: '李警官' }
    await enqueue(A, '/x', { n: 1 }, 1000)
    await enqueue(A, '/x', { n: 2 }, 2000)
    await enqueue(B, '/x', { n: 3 }, 3000)
    const offline = useOfflineStore()
    offline.online = false
    offline.owner = { ...B }
    await offline.refresh()

    const wrapper = await mountLayout()
    await flushPromises()
    expect(wrapper.get('[data-test=pending-badge]').text()).toBe('1')
    expect(wrapper.get('[data-test=others-badge]').text()).toBe('他人 2')
    expect(wrapper.get('.m-queue-link').attributes('aria-label')).toContain('其他账号有 2 条')

    offline.owner = { ...A }
    await flushPromises()
    expect(wrapper.get('[data-test=pending-badge]').text()).toBe('2')
    expect(wrapper.get('[data-test=others-badge]').text()).toBe('他人 1')
  })

  it('shows no badges when nothing waits, and the language switch on the start page', async () => {
    const offline = useOfflineStore()
    offline.online = false
    offline.owner = { id: 'user-a', name: '张警官' }
    const wrapper = await mountLayout()
    await flushPromises()
    expect(wrapper.find('[data-test=pending-badge]').exists()).toBe(false)
    expect(wrapper.find('[data-test=others-badge]').exists()).toBe(false)
    expect(wrapper.find('[data-test=locale-toggle]').exists()).toBe(true)
  })
})
