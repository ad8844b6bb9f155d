import type { RouteRecordRaw } from 'vue-router'

/** One table: the router, the guard and the side menu all read it. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { titleKey: 'common.login.title', layout: 'bare', public: true },
  },
  {
    path: '/',
    name: 'dashboard',
    component: () => import('@/views/dashboard/DashboardView.vue'),
    meta: { titleKey: 'common.nav.dashboard', layout: 'admin', menu: { order: 10 } },
  },
  {
    path: '/cases',
    name: 'cases',
    component: () => import('@/views/cases/CaseList.vue'),
    meta: { titleKey: 'common.nav.cases', layout: 'admin', menu: { order: 20 } },
  },
  {
    path: '/cases/:id',
    name: 'case-detail',
    component: () => import('@/views/cases/CaseDetail.vue'),
    props: true,
    meta: { titleKey: 'cases.detail.title', layout: 'admin' },
  },
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('@/views/errors/ForbiddenView.vue'),
    meta: { titleKey: 'common.errors.forbidden_title', layout: 'bare', public: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/errors/NotFoundView.vue'),
    meta: { titleKey: 'common.errors.not_found_title', layout: 'bare', public: true },
  },
]
