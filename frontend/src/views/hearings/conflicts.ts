/**
 * Double bookings among hearings already on the calendar, by the server's rule: two scheduled
 * hearings clash when their [start, end) ranges overlap and they share an official (chair, clerk
 * or participant with an account) or a room (names compared trimmed, whitespace collapsed,
 * case-folded). Held, postponed and cancelled hearings hold no slot.
 */
export interface Booking {
  id: string
  startsAt: string
  endsAt: string
  place: string
  /** User ids of everyone with an account taking part. */
  officials: readonly string[]
  active: boolean
}

export interface Clash {
  otherId: string
  resource: 'official' | 'place'
  /** The user id for an official, the normalised room for a place. */
  key: string
}

export function normalisePlace(place: string): string {
  return place.trim().split(/\s+/).join(' ').toLowerCase()
}

export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd
}

/** Every clash of every booking, both ways round; bookings without a clash are absent. */
export function findConflicts(bookings: readonly Booking[]): Map<string, Clash[]> {
  const items = bookings
    .filter((b) => b.active)
    .map((b) => ({ b, start: Date.parse(b.startsAt), end: Date.parse(b.endsAt), room: normalisePlace(b.place) }))
    .sort((x, y) => x.start - y.start)
  const found = new Map<string, Clash[]>()
  const add = (id: string, clash: Clash): void => {
    const list = found.get(id)
    if (list) list.push(clash)
    else found.set(id, [clash])
  }
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!
    // Sorted by start: once a later booking starts at or after a's end, none further can overlap.
    for (let j = i + 1; j < items.length && items[j]!.start < a.end; j++) {
      const b = items[j]!
      if (!overlaps(a.start, a.end, b.start, b.end)) continue
      if (a.room === b.room) {
        add(a.b.id, { otherId: b.b.id, resource: 'place', key: a.room })
        add(b.b.id, { otherId: a.b.id, resource: 'place', key: a.room })
      }
      const shared = new Set(b.b.officials)
      for (const user of new Set(a.b.officials)) {
        if (!shared.has(user)) continue
        add(a.b.id, { otherId: b.b.id, resource: 'official', key: user })
        add(b.b.id, { otherId: a.b.id, resource: 'official', key: user })
      }
    }
  }
  return found
}
