/**
 * Asia/Shanghai wall-clock helpers. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact for every date the system stores (2000 onwards) and needs no tz database;
 * results do not depend on the browser's own time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export interface ShanghaiMoment {
  /** YYYY-MM-DD in Shanghai */
  date: string
  /** HH:mm in Shanghai */
  time: string
  /** Minutes since Shanghai midnight */
  minutes: number
}

export function toShanghai(moment: string | Date): ShanghaiMoment {
  const ms = (typeof moment === 'string' ? Date.parse(moment) : moment.getTime()) + OFFSET_MS
  const d = new Date(ms)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  return { date, time, minutes: d.getUTCHours() * 60 + d.getUTCMinutes() }
}

/** `2010-06-01 09:30` (Shanghai), or '' for nothing. */
export function formatDateTime(moment: string | null | undefined): string {
  if (!moment) return ''
  const s = toShanghai(moment)
  return `${s.date} ${s.time}`
}

/** Date-only values (`2010-06-01`) are already calendar dates; instants are shown on their Shanghai day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : toShanghai(value).date
}

/** `YYYY-MM-DD HH:mm` typed as Shanghai wall time → an ISO instant with its offset, for the API. */
export function wallToIso(wall: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/.exec(wall.trim())
  if (!m) throw new RangeError(`not a wall time: ${wall}`)
  return `${m[1]}T${m[2]}:${m[3] ?? '00'}+08:00`
}

/** The current Shanghai wall time as `YYYY-MM-DD HH:mm`. */
export function nowWall(now: Date = new Date()): string {
  return formatDateTime(now.toISOString())
}

/** Today's date in Shanghai. */
export function todayKey(now: Date = new Date()): string {
  return toShanghai(now).date
}

/** Minutes from one Shanghai wall time to another (negative when `to` is earlier). */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(wallToIso(to)) - Date.parse(wallToIso(from))) / 60_000)
}

/** A wall time `minutes` later. */
export function addMinutesWall(wall: string, minutes: number): string {
  return formatDateTime(new Date(Date.parse(wallToIso(wall)) + minutes * 60_000).toISOString())
}
