import { createRouter, createWebHistory, type Router } from 'vue-router'
import { i18n } from '@/locales'
import type { AuthStore } from '@/stores/auth'
import { authGuard } from './guard'
import { routes } from './routes'

export function createAppRouter(auth: AuthStore): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  router.beforeEach((to) => authGuard(to, auth))
  router.afterEach((to) => {
    const t = i18n.global.t as (key: string) => string
    document.title = `${t(to.meta.titleKey)} · ${t('common.app.name')}`
  })
  return router
}
