import { createPinia } from 'pinia'
import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { configureApi } from './api/client'
import { i18n } from './locales'
import { createAppRouter } from './router'
import { safeRedirect } from './router/guard'
import { useAuthStore } from './stores/auth'
import { usePrefsStore } from './stores/prefs'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)

const auth = useAuthStore(pinia)
const prefs = usePrefsStore(pinia)
const router = createAppRouter(auth)

configureApi({
  getToken: () => auth.token,
  setToken: (token) => auth.setToken(token),
  getLocale: () => prefs.locale,
  onAuthLost: async () => {
    auth.clear()
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      await router.push({ name: 'login', query: { redirect: safeRedirect(here.fullPath) } })
    }
  },
})

app.use(router)
app.mount('#app')
