import { api } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type NotificationOut = S['NotificationOut']
export type NotificationPage = S['Page_NotificationOut_']

/** The newest `limit` notifications (one page; the bell shows the latest few). */
export async function listNotifications(limit = 10, unread?: boolean): Promise<NotificationPage> {
  return unwrap(await api.GET('/notifications', { params: { query: { limit, ...(unread !== undefined ? { unread } : {}) } } }))
}

export async function unreadCount(): Promise<number> {
  return unwrap(await api.GET('/notifications/unread-count')).unread
}

export async function markRead(id: string): Promise<NotificationOut> {
  return unwrap(await api.POST('/notifications/{notification_id}/read', { params: { path: { notification_id: id } } }))
}

/** Mark every unread notification read; resolves to how many were marked. */
export async function markAllRead(): Promise<number> {
  return unwrap(await api.POST('/notifications/read-all')).marked
}

/** Where a notification leads: the notice it is about, else its case (the deadlines tab), else nowhere. */
export function notificationTarget(n: Pick<NotificationOut, 'case_id' | 'notice_id' | 'deadline_id'>): string | null {
  if (n.notice_id) return `/supervision/notices/${n.notice_id}`
  if (n.case_id) return n.deadline_id ? `/cases/${n.case_id}?tab=deadlines` : `/cases/${n.case_id}`
  return null
}
