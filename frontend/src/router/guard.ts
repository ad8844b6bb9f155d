import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Role } from '@/api/types'

/** What the guard needs of the auth store (a plain object in tests). */
export interface GuardAuth {
  readonly ready: boolean
  readonly isAuthenticated: boolean
  restore(): Promise<void>
  hasAnyRole(roles: readonly Role[] | undefined): boolean
}

/**
 * The one navigation guard. It returns where to go — never calls next():
 *   public route → allowed (a signed-in user asking for /login goes home)
 *   not signed in → /login?redirect=<where they wanted>
 *   missing role → the 403 page
 */
export async function authGuard(
  to: RouteLocationNormalized,
  auth: GuardAuth,
): Promise<true | RouteLocationRaw> {
  if (!auth.ready) await auth.restore()
  if (to.name === 'login' && auth.isAuthenticated) {
    const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : '/'
    return safeRedirect(redirect)
  }
  if (to.meta.public) return true
  if (!auth.isAuthenticated) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  if (!auth.hasAnyRole(to.meta.roles)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
}

/** Only same-app paths: `/cases?x=1` yes, `//evil.example` or `https://…` no. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/'
  return value
}
