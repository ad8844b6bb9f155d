import { findConflicts, type Booking, type Clash } from './conflicts'
import type { HearingOut } from './hearings.api'
import { toShanghai } from '@/lib/shanghai'
import type { DayKey } from './calendar'

export interface CalendarItem {
  hearing: HearingOut
  day: DayKey
  /** Minutes since Shanghai midnight of `day`. */
  start: number
  end: number
  time: string
  clashes: Clash[]
}

export function bookingOf(h: HearingOut): Booking {
  const officials = [h.chair.id, h.clerk?.id, ...h.participants.map((p) => p.user_id)]
  return {
    id: h.id,
    startsAt: h.starts_at,
    endsAt: h.ends_at,
    place: h.place,
    officials: officials.filter((id): id is string => typeof id === 'string'),
    active: h.status === 'scheduled',
  }
}

/** Hearings placed on their Shanghai day and time, each with the clashes it is part of. */
export function calendarItems(hearings: readonly HearingOut[]): CalendarItem[] {
  const conflicts = findConflicts(hearings.map(bookingOf))
  return hearings.map((h) => {
    const start = toShanghai(h.starts_at)
    const end = toShanghai(h.ends_at)
    // A session running past midnight is drawn to the end of its first day.
    const endMin = end.date === start.date ? end.minutes : 24 * 60
    return {
      hearing: h,
      day: start.date,
      start: start.minutes,
      end: Math.max(endMin, start.minutes + 15),
      time: start.time,
      clashes: conflicts.get(h.id) ?? [],
    }
  })
}

/** Names of everyone with an account in the loaded hearings, to say who is double-booked. */
export function officialNames(hearings: readonly HearingOut[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const h of hearings) {
    names.set(h.chair.id, h.chair.display_name)
    if (h.clerk) names.set(h.clerk.id, h.clerk.display_name)
    for (const p of h.participants) if (p.user_id) names.set(p.user_id, p.name)
  }
  return names
}
