import type { CaseOut, Enums, PlanOut } from './print.api'
import { enumLabel, enumLabels } from './sheet'

type Text = (key: string, named?: Record<string, unknown>) => string
type DateFormat = (value: string) => string

export interface CensusRow {
  key: string
  value: string
}

/**
 * The census ledger fields that the case carries, with the ones a ledger often forgets (legal
 * channels entered, escalated visits, threats), in ledger order. Empty optional fields are left
 * out; yes/no fields always print, since "否" is information on a ledger. The petitioners and the
 * number print separately.
 */
export function censusRows(c: CaseOut, plan: PlanOut | null, enums: Enums | null, s: Text, date: DateFormat): CensusRow[] {
  const yesNo = (v: boolean) => (v ? s('common.yes') : s('common.no'))
  const lines = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join('\n')
  const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join('，')

  const organs = c.receiving_organs.map((o) =>
    join(
      enumLabel(enums, 'receiving_organ', o.organ),
      o.reference_number && s('census.reference', { ref: o.reference_number }),
      o.received_on && s('census.received_on', { date: date(o.received_on) }),
    ),
  )
  const decision = join(
    c.decision_organ,
    c.decision_reference,
    c.decision_date && s('census.decided_on', { date: date(c.decision_date) }),
    c.decision_effective_on && s('census.effective_on', { date: date(c.decision_effective_on) }),
  )
  const procedures = c.procedures.map((p) =>
    join(
      `${enumLabel(enums, 'procedure_stage', p.stage)}：${p.organ}`,
      p.reference_number,
      p.decided_on && date(p.decided_on),
      p.conclusion,
    ),
  )
  const legal = lines(
    yesNo(c.legal_channels_exhausted),
    c.legal_channels.length > 0 && s('census.channels', { list: enumLabels(enums, 'legal_channel', c.legal_channels) }),
  )
  const threeCross = c.three_cross
    ? lines(enumLabels(enums, 'three_cross_flag', c.three_cross_flags), c.three_cross_note)
    : lines(s('common.no'), c.three_cross_note)
  const escalation = join(
    s('census.visits', { province: c.province_visits, beijing: c.beijing_visits }),
    c.last_escalated_visit_on && s('census.last_visit', { date: date(c.last_escalated_visit_on) }),
  )
  const scope = c.in_scope ? s('common.yes') : join(s('common.no'), c.out_of_scope_reason?.['zh-CN'])
  const outcome = lines(c.outcome_kind ? enumLabel(enums, 'outcome_kind', c.outcome_kind) : '', c.outcome_note)
  const measures = plan ? lines(enumLabels(enums, 'measure', plan.measures), plan.measures_detail) : ''
  const termination = lines(c.termination_basis, c.termination_filing_status)

  const rows: Array<[string, string | null | undefined]> = [
    ['first_petition_on', date(c.first_petition_on)],
    ['latest_petition_on', c.latest_petition_on && date(c.latest_petition_on)],
    ['registered_on', date(c.registered_on)],
    ['petition_count', s('census.times', { n: c.petition_count })],
    ['group_size', s('census.people', { n: c.group_size })],
    ['petition_form', enumLabel(enums, 'petition_form', c.petition_form)],
    ['category', enumLabel(enums, 'category', c.category)],
    ['receiving_organs', organs.join('\n')],
    ['demands', c.demands],
    ['decision', decision],
    ['decision_summary', c.decision_summary],
    ['procedures', procedures.join('\n')],
    ['legal_channels', legal],
    ['petitioned_before_ruling', yesNo(c.petitioned_before_ruling)],
    ['three_cross', threeCross],
    ['escalation', escalation],
    ['threat', c.threat_recorded ? join(s('census.threat_yes'), c.threat_note) : s('census.threat_no')],
    ['risk_level', enumLabel(enums, 'risk_level', c.risk_level)],
    ['sensitive_period', yesNo(c.sensitive_period)],
    ['in_scope', scope],
    ['cause', c.cause],
    ['crux', c.crux],
    ['responsible_leader', c.responsible_leader?.name],
    ['responsible_department', c.responsible_department?.name],
    ['responsible_person', c.responsible_person?.name],
    ['time_limit', plan?.time_limit && date(plan.time_limit)],
    ['measures', measures],
    ['status', enumLabel(enums, 'case_status', c.status)],
    ['outcome', outcome],
    ['commitment', c.commitment_signed ? s('census.commitment_signed', { date: c.commitment_signed_on ? date(c.commitment_signed_on) : '' }) : s('common.no')],
    ['termination', termination],
    ['police_organ', c.police_organ],
    ['reopen_count', c.reopen_count > 0 ? s('census.times', { n: c.reopen_count }) : ''],
  ]
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '').map(([key, value]) => ({ key, value }))
}
