import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Role } from '@/api/types'
import { authGuard, safeRedirect, type GuardAuth } from '@/router/guard'
import { routes } from '@/router/routes'

function auth(roles: Role[] | null, ready = true): GuardAuth & { restore: ReturnType<typeof vi.fn> } {
  const state = { ready, isAuthenticated: roles !== null }
  return {
    get ready() {
      return state.ready
    },
    get isAuthenticated() {
      return state.isAuthenticated
    },
    restore: vi.fn(async () => {
      state.ready = true
    }),
    hasAnyRole: (wanted) => !wanted?.length || wanted.some((r) => roles?.includes(r) ?? false),
  }
}

const Stub = { template: '<div />' }
function router(a: GuardAuth) {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      ...routes.map((route) => ({ path: route.path, name: route.name, meta: route.meta, component: Stub })),
      { path: '/admin/users', name: 'users', component: Stub, meta: { titleKey: 'x', layout: 'admin' as const, roles: ['admin' as Role] } },
    ],
  })
  r.beforeEach((to) => authGuard(to, a))
  return r
}

describe('authGuard', () => {
  it('sends an anonymous user to /login with the wanted path as redirect', async () => {
    const r = router(auth(null))
    await r.push('/cases?status=resolving')
    expect(r.currentRoute.value.name).toBe('login')
    expect(r.currentRoute.value.query.redirect).toBe('/cases?status=resolving')
  })

  it('restores the session first when not ready', async () => {
    const a = auth(['officer'], false)
    const r = router(a)
    await r.push('/cases')
    expect(a.restore).toHaveBeenCalledTimes(1)
    expect(r.currentRoute.value.name).toBe('cases')
  })

  it('lets a user with the role in and sends one without it to 403', async () => {
    const admin = router(auth(['admin']))
    await admin.push('/admin/users')
    expect(admin.currentRoute.value.name).toBe('users')

    const officer = router(auth(['officer', 'observer']))
    await officer.push('/admin/users')
    expect(officer.currentRoute.value.name).toBe('forbidden')
    expect(officer.currentRoute.value.query.from).toBe('/admin/users')
  })

  it('public routes need no session; a signed-in user at /login goes to the redirect', async () => {
    const anon = router(auth(null))
    await anon.push('/403')
    expect(anon.currentRoute.value.name).toBe('forbidden')

    const signedIn = router(auth(['leader']))
    await signedIn.push('/login?redirect=/cases')
    expect(signedIn.currentRoute.value.fullPath).toBe('/cases')
  })

  it('only follows same-app redirects', () => {
    expect(safeRedirect('/cases?q=1')).toBe('/cases?q=1')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
