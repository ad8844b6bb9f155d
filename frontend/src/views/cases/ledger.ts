import type { EnumValue } from '@/api/enumLabels'
import type { CaseOut } from './cases.api'

/**
 * The census ledger (积案排查台账) as far as `GET /cases` carries the fields. ID numbers and phones
 * stay masked, as the list API gives them. Labels are passed in so this stays pure.
 */
export interface LedgerLabels {
  t: (key: string) => string
  caseStatus: (v: CaseOut['status']) => string
  category: (v: CaseOut['category']) => string
  petitionForm: (v: CaseOut['petition_form']) => string
  riskLevel: (v: CaseOut['risk_level']) => string
  receivingOrgan: (v: CaseOut['receiving_organs'][number]['organ']) => string
  legalChannel: (v: CaseOut['legal_channels'][number]) => string
  threeCross: (v: CaseOut['three_cross_flags'][number]) => string
  outcomeKind: (v: NonNullable<CaseOut['outcome_kind']>) => string
  escalationLevel: (v: EnumValue<'escalation_level'>) => string
}

/** Column i18n keys under `cases.ledger.columns`, in the ledger's order. */
export const LEDGER_COLUMNS = [
  'seq',
  'number',
  'title',
  'registered_on',
  'first_petition_on',
  'latest_petition_on',
  'petitioner_names',
  'id_numbers',
  'phones',
  'addresses',
  'household_places',
  'group_size',
  'petition_count',
  'petition_form',
  'category',
  'receiving_organs',
  'demands',
  'decision',
  'legal_channels_exhausted',
  'three_cross',
  'risk_level',
  'sensitive_period',
  'escalated_visits',
  'responsible_leader',
  'responsible_department',
  'responsible_person',
  'status',
  'outcome',
  'in_scope',
] as const

const SEP = '；'
const join = (items: Array<string | null | undefined>) => items.filter((v): v is string => !!v).join(SEP)

export function ledgerRow(c: CaseOut, index: number, l: LedgerLabels): string[] {
  const yes = l.t('common.yes')
  const no = l.t('common.no')
  const yn = (v: boolean) => (v ? yes : no)
  const organs = c.receiving_organs.map((o) =>
    [l.receivingOrgan(o.organ), o.reference_number, o.received_on].filter(Boolean).join(' '),
  )
  const decision = [c.decision_organ, c.decision_reference, c.decision_effective_on ?? c.decision_date]
    .filter(Boolean)
    .join(' ')
  const exhausted = c.legal_channels.length
    ? `${yn(c.legal_channels_exhausted)}（${c.legal_channels.map(l.legalChannel).join('、')}）`
    : yn(c.legal_channels_exhausted)
  const threeCross = c.three_cross
    ? join([c.three_cross_flags.map(l.threeCross).join('、'), c.three_cross_note])
    : no
  return [
    String(index + 1),
    c.number,
    c.title,
    c.registered_on,
    c.first_petition_on,
    c.latest_petition_on ?? '',
    join(c.petitioners.map((p) => p.name)),
    join(c.petitioners.map((p) => p.id_number)),
    join(c.petitioners.map((p) => p.phone)),
    join(c.petitioners.map((p) => p.address ?? p.residence_place)),
    join(c.petitioners.map((p) => p.household_registration_place)),
    String(c.group_size),
    String(c.petition_count),
    l.petitionForm(c.petition_form),
    l.category(c.category),
    join(organs),
    c.demands,
    decision,
    exhausted,
    threeCross,
    l.riskLevel(c.risk_level),
    yn(c.sensitive_period),
    c.province_visits || c.beijing_visits
      ? `${l.escalationLevel('province')} ${c.province_visits} / ${l.escalationLevel('beijing')} ${c.beijing_visits}`
      : '0',
    c.responsible_leader?.name ?? '',
    c.responsible_department?.name ?? '',
    c.responsible_person?.name ?? '',
    l.caseStatus(c.status),
    c.outcome_kind ? join([l.outcomeKind(c.outcome_kind), c.outcome_note]) : '',
    yn(c.in_scope),
  ]
}

export function ledgerHeader(t: (key: string) => string): string[] {
  return LEDGER_COLUMNS.map((key) => t(`cases.ledger.columns.${key}`))
}
