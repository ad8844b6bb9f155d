import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { safeRedirect } from '@/router/guard'
import { useMobileSession } from './session'

/**
 * The phone app's routes, under /m/. `layout` is required by the shared RouteMeta; every phone
 * page is drawn by MobileLayout whatever it says.
 */
export const mobileRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'm-login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { titleKey: 'mobile.login.title', layout: 'bare', public: true },
  },
  {
    path: '/',
    name: 'm-cases',
    component: () => import('./pages/CasesPage.vue'),
    meta: { titleKey: 'mobile.cases.title', layout: 'bare' },
  },
  {
    path: '/cases/:id/check-in',
    name: 'm-check-in',
    component: () => import('./pages/CheckInPage.vue'),
    props: true,
    meta: { titleKey: 'mobile.checkIn.title', layout: 'bare' },
  },
  {
    path: '/queue',
    name: 'm-queue',
    component: () => import('./pages/QueuePage.vue'),
    meta: { titleKey: 'mobile.queue.title', layout: 'bare' },
  },
  { path: '/:rest(.*)*', redirect: { name: 'm-cases' } },
]

/** Signed out: to the login page (back here afterwards); a signed-in user skips the login page. */
export async function mobileGuard(to: RouteLocationNormalized) {
  const session = useMobileSession()
  if (!session.started) await session.connect()
  if (to.meta.public) return session.mode === 'signedOut' ? true : { name: 'm-cases' }
  if (session.mode === 'signedOut') return { name: 'm-login', query: { redirect: safeRedirect(to.fullPath) } }
  return true
}

export function createMobileRouter() {
  const router = createRouter({ history: createWebHistory('/m/'), routes: mobileRoutes })
  router.beforeEach(mobileGuard)
  return router
}
