import { requestJson, type Page } from './json'

export interface NotificationOut {
  id: string
  kind: string
  title: string
  case_id: string | null
  deadline_id: string | null
  notice_id: string | null
  created_at: string
  read_at: string | null
}

export const listNotifications = (limit = 10, unread?: boolean) =>
  requestJson<Page<NotificationOut>>('GET', '/notifications', { query: { limit, unread } })

export const unreadCount = async () => (await requestJson<{ unread: number }>('GET', '/notifications/unread-count')).unread

export const markRead = (id: string) => requestJson<unknown>('POST', `/notifications/${id}/read`)

export const markAllRead = () => requestJson<unknown>('POST', '/notifications/read-all')

/** Where a notification leads: the notice it is about, else its case (the deadlines tab), else nowhere. */
export function notificationTarget(n: Pick<NotificationOut, 'case_id' | 'notice_id' | 'deadline_id'>): string | null {
  if (n.notice_id) return `/supervision/notices/${n.notice_id}`
  if (n.case_id) return n.deadline_id ? `/cases/${n.case_id}?tab=deadlines` : `/cases/${n.case_id}`
  return null
}
