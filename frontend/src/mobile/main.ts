import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import 'vant/es/style/base.css'
import './mobile.css'
import App from './App.vue'
import { configureApi } from '@/api/client'
import { mobileI18n } from './i18n'
import { safeRedirect } from '@/router/guard'
import { useAuthStore } from '@/stores/auth'
import { configureOfflineSync, useOfflineStore } from '@/stores/offline'
import { usePrefsStore } from '@/stores/prefs'
import { createMobileRouter } from './router'
import { useMobileSession } from './session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(mobileI18n)

const auth = useAuthStore(pinia)
const prefs = usePrefsStore(pinia)
const session = useMobileSession(pinia)
const offline = useOfflineStore(pinia)
const router = createMobileRouter()

configureApi({
  getToken: () => auth.token,
  setToken: (token) => auth.setToken(token),
  getLocale: () => prefs.locale,
  onAuthLost: async () => {
    await session.signedOut()
    const here = router.currentRoute.value
    if (here.name !== 'm-login') {
      await router.push({ name: 'm-login', query: { redirect: safeRedirect(here.fullPath) } })
    }
  },
})
// Queued visits go out only with a live session (the app may have started offline), and only the
// visits of the officer that session belongs to.
configureOfflineSync({
  beforeFlush: async () => ((await session.ensureOnline()) ? (auth.user?.id ?? null) : null),
})
// Whose visits the queue counts and new captures belong to: the officer signed in (or carrying on
// offline as the last signed-in user).
watch(
  () => session.user,
  (user) => offline.setOwner(user ? { id: user.id, name: user.display_name } : null),
  { immediate: true, flush: 'sync' },
)

app.use(router)
app.mount('#app')
void offline.start()
