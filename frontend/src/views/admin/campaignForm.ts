import type { Phase, PhaseIn } from './admin.api'
import { PHASES } from './roles'

/** One row per campaign phase in the form; a phase without both dates is left out. */
export interface PhaseRow {
  phase: Phase
  range: [string, string] | null
}

export function phaseRows(phases: readonly PhaseIn[]): PhaseRow[] {
  return PHASES.map((phase) => {
    const found = phases.find((p) => p.phase === phase)
    return { phase, range: found ? [found.starts_on, found.ends_on] : null }
  })
}

/** The phases to send, in campaign order; `index` maps a phase to its position in the body. */
export function phasesBody(rows: readonly PhaseRow[]): { phases: PhaseIn[]; index: Map<Phase, number> } {
  const phases: PhaseIn[] = []
  const index = new Map<Phase, number>()
  for (const row of rows) {
    if (!row.range) continue
    index.set(row.phase, phases.length)
    phases.push({ phase: row.phase, starts_on: row.range[0], ends_on: row.range[1] })
  }
  return { phases, index }
}

/** Phases whose dates overlap the next one's, or run backwards: worth a warning before saving. */
export function phaseOrderProblems(rows: readonly PhaseRow[]): Phase[] {
  const set = rows.filter((r): r is PhaseRow & { range: [string, string] } => r.range !== null)
  const out: Phase[] = []
  for (let i = 1; i < set.length; i += 1) {
    const prev = set[i - 1]
    const cur = set[i]
    if (prev && cur && cur.range[0] <= prev.range[1]) out.push(cur.phase)
  }
  return out
}
