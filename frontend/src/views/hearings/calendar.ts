/**
 * Date math of the hearings calendar on `YYYY-MM-DD` day keys (Shanghai dates). Weeks start on
 * Monday. Arithmetic runs on UTC midnights so no local time zone or DST can shift a day.
 */
export type DayKey = string
export type CalendarView = 'week' | 'month'

const DAY_MS = 24 * 60 * 60 * 1000
const KEY = /^(\d{4})-(\d{2})-(\d{2})$/

function toUtc(key: DayKey): number {
  const m = KEY.exec(key)
  if (!m) throw new RangeError(`not a day key: ${key}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function fromUtc(ms: number): DayKey {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(key: DayKey, days: number): DayKey {
  return fromUtc(toUtc(key) + days * DAY_MS)
}

/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(key: DayKey): number {
  return (new Date(toUtc(key)).getUTCDay() + 6) % 7
}

export function weekStart(key: DayKey): DayKey {
  return addDays(key, -weekdayIndex(key))
}

export function weekDays(key: DayKey): DayKey[] {
  const start = weekStart(key)
  return Array.from({ length: 7 }, (_, i) => addDays(start, i))
}

export function monthStart(key: DayKey): DayKey {
  return `${key.slice(0, 7)}-01`
}

/** The first day of the month `months` away (the day of month is dropped, so 31 Jan + 1 = 1 Feb). */
export function addMonths(key: DayKey, months: number): DayKey {
  const d = new Date(toUtc(monthStart(key)))
  return fromUtc(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
}

export function monthEnd(key: DayKey): DayKey {
  return addDays(addMonths(key, 1), -1)
}

/** Whole Monday-to-Sunday weeks covering the month of `key` (4 to 6 rows). */
export function monthGrid(key: DayKey): DayKey[][] {
  const first = weekStart(monthStart(key))
  const last = monthEnd(key)
  const weeks: DayKey[][] = []
  for (let start = first; start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)))
  }
  return weeks
}

/** The days shown for a view, first and last inclusive. */
export function visibleRange(view: CalendarView, anchor: DayKey): { from: DayKey; to: DayKey } {
  if (view === 'week') {
    const from = weekStart(anchor)
    return { from, to: addDays(from, 6) }
  }
  const weeks = monthGrid(anchor)
  const lastWeek = weeks[weeks.length - 1] ?? []
  return { from: weeks[0]?.[0] ?? anchor, to: lastWeek[6] ?? anchor }
}

/** prev / next: a week or a month away. */
export function shiftAnchor(view: CalendarView, anchor: DayKey, step: -1 | 1): DayKey {
  return view === 'week' ? addDays(anchor, 7 * step) : addMonths(anchor, step)
}

export function isSameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7)
}

export interface Span {
  id: string
  start: number
  end: number
}

/**
 * Side-by-side lanes for overlapping items of one day: each item gets the first free lane, and
 * every item of a cluster of overlapping items learns the cluster's lane count (its width).
 */
export function assignLanes(spans: readonly Span[]): Map<string, { lane: number; lanes: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const out = new Map<string, { lane: number; lanes: number }>()
  let cluster: Array<{ id: string; lane: number }> = []
  let laneEnds: number[] = []
  let clusterEnd = -Infinity
  const close = (): void => {
    for (const c of cluster) out.set(c.id, { lane: c.lane, lanes: laneEnds.length })
    cluster = []
    laneEnds = []
  }
  for (const s of sorted) {
    if (s.start >= clusterEnd) close()
    let lane = laneEnds.findIndex((end) => end <= s.start)
    if (lane === -1) {
      lane = laneEnds.length
      laneEnds.push(s.end)
    } else laneEnds[lane] = s.end
    cluster.push({ id: s.id, lane })
    clusterEnd = Math.max(s.start >= clusterEnd ? -Infinity : clusterEnd, s.end)
  }
  close()
  return out
}
