import { api, type ApiPaths } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { components } from '@/api/schema'

type S = components['schemas']
export type NoticeOut = S['NoticeOut']
export type NoticeCreate = S['NoticeCreate']
export type NoticeStatus = S['NoticeStatus']
export type NoticeReply = S['ReplyOut']
export type NoticeFilters = Omit<NonNullable<ApiPaths['/supervision-notices']['get']['parameters']['query']>, 'limit' | 'cursor'>

export const NOTICE_STATUSES: readonly NoticeStatus[] = ['open', 'replied', 'closed', 'returned']
/** A notice waits for its addressees while it is open or was sent back for a better reply. */
export const AWAITING_REPLY: readonly NoticeStatus[] = ['open', 'returned']

/** Every notice matching `filters`, following `next_cursor` (a county's open notices, one case's notices: small lists). */
export async function listNotices(filters: NoticeFilters = {}): Promise<NoticeOut[]> {
  const all: NoticeOut[] = []
  let cursor: string | undefined
  do {
    const page = unwrap(
      await api.GET('/supervision-notices', { params: { query: { ...filters, limit: 200, ...(cursor ? { cursor } : {}) } } }),
    )
    all.push(...page.items)
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return all
}

export async function getNotice(id: string): Promise<NoticeOut> {
  return unwrap(await api.GET('/supervision-notices/{notice_id}', { params: { path: { notice_id: id } } }))
}

/** `idempotencyKey`: one per opened form, so a double submit or a retry issues one notice. */
export async function issueNotice(body: NoticeCreate, idempotencyKey: string): Promise<NoticeOut> {
  return unwrap(await api.POST('/supervision-notices', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }))
}

/** Reply to a notice; the server answers with the whole notice, the new reply last of `replies`. */
export async function replyToNotice(id: string, text: string): Promise<NoticeOut> {
  return unwrap(await api.POST('/supervision-notices/{notice_id}/replies', { params: { path: { notice_id: id } }, body: { text } }))
}

export async function closeNotice(id: string, note?: string): Promise<NoticeOut> {
  return unwrap(
    await api.POST('/supervision-notices/{notice_id}/close', { params: { path: { notice_id: id } }, body: note ? { note } : {} }),
  )
}

export async function returnNotice(id: string, reason: string, replyDueOn: string): Promise<NoticeOut> {
  return unwrap(
    await api.POST('/supervision-notices/{notice_id}/return', {
      params: { path: { notice_id: id } },
      body: { reason, reply_due_on: replyDueOn },
    }),
  )
}

/** The unit line of a notice; empty when it is addressed to people only. */
export const unitName = (unit: NoticeOut['to_unit']): string => unit?.name ?? ''
