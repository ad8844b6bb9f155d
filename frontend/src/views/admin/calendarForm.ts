import type { YearArrangement, YearOut } from './admin.api'

export interface DayRow {
  day: string
  name: string
}

export interface ArrangementDraft {
  notice_reference: string
  holidays: DayRow[]
  workdays: DayRow[]
}

/** The form for a year, filled from what the API shows (weekday holidays, weekend workdays). */
export function draftFromYear(year: YearOut | null): ArrangementDraft {
  return {
    notice_reference: year?.notice_reference ?? '',
    holidays: (year?.days ?? []).filter((d) => !d.is_workday).map((d) => ({ day: d.day, name: d.name ?? '' })),
    workdays: (year?.days ?? []).filter((d) => d.is_workday).map((d) => ({ day: d.day, name: d.name ?? '' })),
  }
}

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date (no timezone involved). */
export function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()
}

export type DraftIssue = { list: 'holidays' | 'workdays'; index: number; code: 'other_year' | 'twice' | 'empty' | 'pointless' }

/**
 * What the API would refuse (a day outside the year, a day listed twice) and what is harmless but
 * probably a typing error (a weekend "holiday" or a weekday "workday" changes nothing).
 */
export function draftIssues(draft: ArrangementDraft, year: number): DraftIssue[] {
  const issues: DraftIssue[] = []
  const seen = new Set<string>()
  for (const list of ['holidays', 'workdays'] as const) {
    draft[list].forEach((row, index) => {
      if (!row.day) return issues.push({ list, index, code: 'empty' })
      if (!row.day.startsWith(`${year}-`)) issues.push({ list, index, code: 'other_year' })
      if (seen.has(row.day)) issues.push({ list, index, code: 'twice' })
      seen.add(row.day)
      const weekend = [0, 6].includes(weekday(row.day))
      if ((list === 'holidays') === weekend) issues.push({ list, index, code: 'pointless' })
    })
  }
  return issues
}

export function arrangementBody(draft: ArrangementDraft): YearArrangement {
  const rows = (list: DayRow[]) =>
    [...list].sort((a, b) => a.day.localeCompare(b.day)).map((r) => ({ day: r.day, name: r.name.trim() || null }))
  return {
    notice_reference: draft.notice_reference.trim() || null,
    holidays: rows(draft.holidays),
    workdays: rows(draft.workdays),
  }
}
