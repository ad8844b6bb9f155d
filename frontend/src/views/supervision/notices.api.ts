import { allPages, requestJson } from './json'

export interface PersonRef {
  id: string
  display_name: string
}

export type NoticeStatus = 'open' | 'replied' | 'closed' | 'returned'
export const NOTICE_STATUSES: readonly NoticeStatus[] = ['open', 'replied', 'closed', 'returned']
/** A notice waits for its addressees while it is open or was sent back for a better reply. */
export const AWAITING_REPLY: readonly NoticeStatus[] = ['open', 'returned']

export interface NoticeReply {
  id: string
  author: PersonRef
  text: string
  created_at: string
}

export interface NoticeOut {
  id: string
  number: string
  case_id: string
  case_number: string
  issued_by: PersonRef
  issued_at: string
  to_users: PersonRef[]
  to_unit: { id: string; name: string } | null
  reason: string
  requirements: string
  reply_due_on: string
  status: NoticeStatus
  replies: NoticeReply[]
  deadline_id: string | null
  version: number
}

export interface NoticeCreate {
  case_id: string
  to_user_ids: string[]
  reason: string
  requirements: string
  reply_due_on: string
}

export interface NoticeFilters {
  case_id?: string
  status?: NoticeStatus
  to_me?: boolean
}

export const listNotices = (filters: NoticeFilters = {}) => allPages<NoticeOut>('/supervision-notices', { ...filters })

export const getNotice = (id: string) => requestJson<NoticeOut>('GET', `/supervision-notices/${id}`)

export const issueNotice = (body: NoticeCreate, idempotencyKey: string) =>
  requestJson<NoticeOut>('POST', '/supervision-notices', { body, headers: { 'Idempotency-Key': idempotencyKey } })

export const replyToNotice = (id: string, text: string) => requestJson<NoticeReply>('POST', `/supervision-notices/${id}/replies`, { body: { text } })

export const closeNotice = (id: string, note?: string) =>
  requestJson<NoticeOut>('POST', `/supervision-notices/${id}/close`, { body: note ? { note } : {} })

export const returnNotice = (id: string, reason: string, replyDueOn: string) =>
  requestJson<NoticeOut>('POST', `/supervision-notices/${id}/return`, { body: { reason, reply_due_on: replyDueOn } })

/** The unit line of a notice; empty when it is addressed to people only. */
export const unitName = (unit: NoticeOut['to_unit']): string => unit?.name ?? ''
