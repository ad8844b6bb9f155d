import type { RouteRecordRaw } from 'vue-router'
import { ACCOUNT_ADMINS, CALENDAR_WRITERS, CAMPAIGN_READERS, REFERENCE_WRITERS } from '@/views/admin/roles'
import { PRINT_READERS } from '@/views/print/roles'
import { CASE_READ_ROLES } from '@/views/hearings/roles'
import { CASE_CREATE_ROLES, CASE_WRITE_ROLES } from '@/views/cases/permissions'
import { ACCOUNTABILITY_READERS, NOTICE_READERS } from '@/views/supervision/clock'

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
    meta: { titleKey: 'common.nav.cases', layout: 'admin', roles: [...CASE_READ_ROLES], menu: { order: 20 } },
  },
  {
    path: '/supervision',
    name: 'supervision',
    component: () => import('@/views/supervision/SupervisionBoard.vue'),
    meta: { titleKey: 'supervision.title', layout: 'admin', roles: [...CASE_READ_ROLES], menu: { order: 25 } },
  },
  {
    path: '/supervision/notices',
    name: 'supervision-notices',
    component: () => import('@/views/supervision/NoticesView.vue'),
    meta: { titleKey: 'supervision.notices.title', layout: 'admin', roles: NOTICE_READERS, menu: { order: 26 } },
  },
  {
    path: '/supervision/notices/:id',
    name: 'supervision-notice',
    component: () => import('@/views/supervision/NoticeDetail.vue'),
    props: true,
    meta: { titleKey: 'supervision.notices.title', layout: 'admin', roles: NOTICE_READERS },
  },
  {
    path: '/supervision/accountability',
    name: 'accountability',
    component: () => import('@/views/supervision/AccountabilityView.vue'),
    meta: { titleKey: 'supervision.accountability.title', layout: 'admin', roles: ACCOUNTABILITY_READERS, menu: { order: 27 } },
  },
  {
    path: '/cases/new',
    name: 'case-new',
    component: () => import('@/views/cases/CaseForm.vue'),
    meta: { titleKey: 'cases.form.new_title', layout: 'admin', roles: CASE_CREATE_ROLES },
  },
  {
    path: '/cases/:id/edit',
    name: 'case-edit',
    component: () => import('@/views/cases/CaseForm.vue'),
    props: true,
    meta: { titleKey: 'cases.form.edit_title', layout: 'admin', roles: CASE_WRITE_ROLES },
  },
  {
    path: '/cases/:id',
    name: 'case-detail',
    component: () => import('@/views/cases/CaseDetail.vue'),
    props: true,
    meta: { titleKey: 'cases.detail.title', layout: 'admin', roles: [...CASE_READ_ROLES] },
  },
  {
    path: '/hearings',
    name: 'hearings-calendar',
    component: () => import('@/views/hearings/HearingCalendar.vue'),
    meta: {
      titleKey: 'hearings.calendar.title',
      layout: 'admin',
      roles: [...CASE_READ_ROLES],
      menu: { order: 30 },
    },
  },
  {
    path: '/relief',
    name: 'relief-queue',
    component: () => import('@/views/relief/ReliefQueue.vue'),
    meta: {
      titleKey: 'relief.queue.title',
      layout: 'admin',
      roles: [...CASE_READ_ROLES],
      menu: { order: 40 },
    },
  },
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('@/views/admin/UsersView.vue'),
    meta: { titleKey: 'admin.nav.users', layout: 'admin', roles: ACCOUNT_ADMINS, menu: { order: 900 } },
  },
  {
    path: '/admin/org-units',
    name: 'org-units',
    component: () => import('@/views/admin/OrgUnitsView.vue'),
    meta: { titleKey: 'admin.nav.org_units', layout: 'admin', roles: ACCOUNT_ADMINS, menu: { order: 910 } },
  },
  {
    path: '/admin/campaigns',
    name: 'campaigns',
    component: () => import('@/views/admin/CampaignsView.vue'),
    meta: { titleKey: 'admin.nav.campaigns', layout: 'admin', roles: CAMPAIGN_READERS, menu: { order: 920 } },
  },
  {
    path: '/admin/calendar',
    name: 'working-day-calendar',
    component: () => import('@/views/admin/CalendarView.vue'),
    meta: { titleKey: 'admin.nav.calendar', layout: 'admin', roles: CALENDAR_WRITERS, menu: { order: 930 } },
  },
  {
    path: '/admin/wage-standards',
    name: 'wage-standards',
    component: () => import('@/views/admin/WageStandardsView.vue'),
    meta: { titleKey: 'admin.nav.wage_standards', layout: 'admin', roles: REFERENCE_WRITERS, menu: { order: 940 } },
  },
  {
    path: '/print/hearings/:id',
    name: 'print-hearing-notice',
    component: () => import('@/views/print/PrintHearingNotice.vue'),
    props: true,
    meta: { titleKey: 'print.titles.hearing_notice', layout: 'print', roles: PRINT_READERS },
  },
  {
    path: '/print/relief/:id',
    name: 'print-relief-approval',
    component: () => import('@/views/print/PrintReliefApproval.vue'),
    props: true,
    meta: { titleKey: 'print.titles.relief_approval', layout: 'print', roles: PRINT_READERS },
  },
  {
    path: '/print/cases/:id/commitment',
    name: 'print-commitment',
    component: () => import('@/views/print/PrintCommitment.vue'),
    props: true,
    meta: { titleKey: 'print.titles.commitment', layout: 'print', roles: PRINT_READERS },
  },
  {
    path: '/print/cases/:id/census-card',
    name: 'print-census-card',
    component: () => import('@/views/print/PrintCensusCard.vue'),
    props: true,
    meta: { titleKey: 'print.titles.census_card', layout: 'print', roles: PRINT_READERS },
  },
  {
    path: '/print/supervision-notices/:id',
    name: 'print-supervision-notice',
    component: () => import('@/views/print/PrintSupervisionNotice.vue'),
    props: true,
    meta: { titleKey: 'print.titles.supervision_notice', layout: 'print', roles: NOTICE_READERS },
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
