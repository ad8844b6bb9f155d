import 'vue-router'
import type { Role } from '@/api/types'

export type Layout = 'admin' | 'bare' | 'print'

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the route; absent means any signed-in user. */
    roles?: Role[]
    /** i18n key of the page title (route meta holds keys, not text). */
    titleKey: string
    layout: Layout
    /** Reachable without signing in (login, 403, 404). */
    public?: boolean
    /** Shown in the side menu, in this order. */
    menu?: { order: number; icon?: string }
  }
}
