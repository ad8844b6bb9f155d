import { api, type components } from '@/api/client'
import { unwrap } from '@/api/problem'
import { deleteMeta, readMeta, writeMeta } from '@/offline/db'
import { maskName } from './checkin'

type Schemas = components['schemas']
type CaseOut = Schemas['CaseOut']
type CheckInOut = Schemas['CheckInOut']
type CaseStatus = Schemas['CaseStatus']

/** Cases still being worked on: return visits are recorded on these. */
export const OPEN_STATUSES: CaseStatus[] = ['registered', 'analysed', 'plan_approved', 'resolving']

/** What the phone keeps of a case: no more than a card shows (the cache lives on the device). */
export interface CaseCard {
  id: string
  number: string
  title: string
  /** Masked names, e.g. 张* or 张*、李**. */
  petitioners: string
  status: CaseStatus
  lastVisitAt: string | null
  nextVisitOn: string | null
}

const CACHE_KEY = 'mobile.cases'

/**
 * Cards from the open cases and the visits (newest first): a case's first visit in the list is
 * its last one. Cards with a next visit come first, soonest first.
 */
export function toCaseCards(cases: CaseOut[], checkIns: CheckInOut[]): CaseCard[] {
  const latest = new Map<string, CheckInOut>()
  for (const visit of checkIns) if (!latest.has(visit.case_id)) latest.set(visit.case_id, visit)
  const cards = cases.map((c): CaseCard => {
    const visit = latest.get(c.id)
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      petitioners: c.petitioners.map((p) => maskName(p.name)).join('、'),
      status: c.status,
      lastVisitAt: visit?.visited_at ?? null,
      nextVisitOn: visit?.next_visit_on ?? null,
    }
  })
  return cards.sort((a, b) => {
    if (a.nextVisitOn !== b.nextVisitOn) {
      if (a.nextVisitOn === null) return 1
      if (b.nextVisitOn === null) return -1
      return a.nextVisitOn < b.nextVisitOn ? -1 : 1
    }
    return a.number.localeCompare(b.number)
  })
}

/** The caller's open cases (the server shows an officer only those assigned), then kept on the phone. */
export async function fetchMyCases(): Promise<CaseCard[]> {
  const [cases, visits] = await Promise.all([
    api.GET('/cases', { params: { query: { status: OPEN_STATUSES, limit: 200 } } }).then(unwrap),
    api.GET('/check-ins', { params: { query: { limit: 200 } } }).then(unwrap),
  ])
  const cards = toCaseCards(cases.items, visits.items)
  await writeMeta(CACHE_KEY, cards)
  return cards
}

export async function cachedCases(): Promise<{ cards: CaseCard[]; savedAt: number } | null> {
  const cached = await readMeta<CaseCard[]>(CACHE_KEY)
  return cached ? { cards: cached.value, savedAt: cached.savedAt } : null
}

export async function cachedCase(id: string): Promise<CaseCard | null> {
  return (await cachedCases())?.cards.find((c) => c.id === id) ?? null
}

/** One case, for a check-in opened from a link rather than from the list. */
export async function fetchCaseCard(id: string): Promise<CaseCard> {
  const found = unwrap(await api.GET('/cases/{case_id}', { params: { path: { case_id: id } } }))
  const [card] = toCaseCards([found], [])
  return card!
}

/** Signing out leaves nothing of the cases on the phone. */
export async function forgetCases(): Promise<void> {
  await deleteMeta(CACHE_KEY)
}
