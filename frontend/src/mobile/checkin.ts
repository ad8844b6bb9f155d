import dayjs from 'dayjs'
import type { components } from '@/api/schema'

type Schemas = components['schemas']
export type CheckInCreate = Schemas['CheckInCreate']
export type VisitManner = Schemas['VisitManner']
export type Attitude = Schemas['Attitude']
export type Gps = Schemas['Gps']

export const MANNERS: readonly VisitManner[] = ['in_person', 'phone', 'other']
export const ATTITUDES: readonly Attitude[] = ['satisfied', 'accepting', 'dissatisfied', 'still_petitioning', 'unreachable']

/** What the officer types on the phone; empty strings are "not filled in". */
export interface CheckInDraft {
  manner: VisitManner | ''
  attitude: Attitude | ''
  peopleMet: string
  place: string
  couldNotVisit: boolean
  threatsRecorded: boolean
  threatNote: string
  notes: string
  /** YYYY-MM-DD or ''. */
  nextVisitOn: string
}

export type DraftField = keyof CheckInDraft

export function emptyDraft(): CheckInDraft {
  return {
    manner: '',
    attitude: '',
    peopleMet: '',
    place: '',
    couldNotVisit: false,
    threatsRecorded: false,
    threatNote: '',
    notes: '',
    nextVisitOn: '',
  }
}

/** The API's limits (backend checkins/schemas.py), checked before queuing so a visit never fails on them later. */
export const MAX_LENGTH = { peopleMet: 500, place: 200, threatNote: 2000, notes: 5000 } as const

/** i18n keys under `mobile.checkIn.errors`, by field; empty when the draft may be queued. */
export function validateDraft(draft: CheckInDraft, visitDay: string): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {}
  if (draft.manner === '') errors.manner = 'required'
  if (draft.attitude === '') errors.attitude = 'required'
  else if (draft.couldNotVisit && draft.attitude !== 'unreachable') errors.attitude = 'mustBeUnreachable'
  if (draft.threatsRecorded && draft.threatNote.trim() === '') errors.threatNote = 'required'
  for (const field of Object.keys(MAX_LENGTH) as (keyof typeof MAX_LENGTH)[]) {
    if (draft[field].length > MAX_LENGTH[field]) errors[field] = 'tooLong'
  }
  if (draft.nextVisitOn !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.nextVisitOn) || !dayjs(draft.nextVisitOn).isValid()) {
      errors.nextVisitOn = 'invalidDate'
    } else if (draft.nextVisitOn < visitDay) {
      errors.nextVisitOn = 'beforeVisit'
    }
  }
  return errors
}

function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/**
 * The request body for a validated draft. `visitedAt` is the capture time, sent with the phone's
 * offset; `clientId` is the outbox item's id (the Idempotency-Key).
 */
export function buildCheckInBody(
  draft: CheckInDraft,
  ctx: { clientId: string; officerId: string; visitedAt: Date; gps: Gps | null },
): CheckInCreate {
  if (draft.manner === '' || draft.attitude === '') throw new Error('buildCheckInBody needs a validated draft')
  return {
    client_id: ctx.clientId,
    visited_at: dayjs(ctx.visitedAt).format('YYYY-MM-DDTHH:mm:ssZ'),
    officers: [ctx.officerId],
    manner: draft.manner,
    attitude: draft.attitude,
    // A plain copy: the fix may come from reactive state, which IndexedDB cannot clone.
    gps: ctx.gps ? { lat: ctx.gps.lat, lon: ctx.gps.lon, accuracy_m: ctx.gps.accuracy_m } : null,
    place: text(draft.place),
    people_met: text(draft.peopleMet),
    could_not_visit: draft.couldNotVisit,
    threats_recorded: draft.threatsRecorded,
    threat_note: draft.threatsRecorded ? text(draft.threatNote) : null,
    notes: text(draft.notes),
    next_visit_on: draft.nextVisitOn === '' ? null : draft.nextVisitOn,
  }
}

const POINTER_FIELDS: Record<string, DraftField> = {
  manner: 'manner',
  attitude: 'attitude',
  people_met: 'peopleMet',
  place: 'place',
  could_not_visit: 'couldNotVisit',
  threats_recorded: 'threatsRecorded',
  threat_note: 'threatNote',
  notes: 'notes',
  next_visit_on: 'nextVisitOn',
}

/** The form field a problem's JSON pointer names (`#/next_visit_on` → nextVisitOn), if any. */
export function fieldOfPointer(pointer: string): DraftField | null {
  const top = pointer.replace(/^#\/?/, '').split('/')[0] ?? ''
  return POINTER_FIELDS[top] ?? null
}

/** A petitioner's name as the phone shows it: surname kept, the rest masked (张三 → 张*). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/** Fit width × height inside max × max, keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}
