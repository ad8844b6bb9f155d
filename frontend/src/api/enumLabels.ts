import type { Locale } from '@/locales/meta'
import type { components } from './schema'
import table from './enum-labels.json'

/**
 * Every enum's labels in both languages, as the server has them: enum-labels.json is written by
 * `anjie openapi` from the server's label registry (the one `/meta/enums` serves) and
 * drift-checked with the contract, so a label is changed on the server and nowhere else.
 */
type S = components['schemas']
export type EnumName = keyof typeof table

/**
 * The contract's enum behind each labelled one: it types the values call sites may pass, and a
 * unit test checks that each side has exactly the other's values.
 */
export const ENUM_SCHEMAS = {
  attachment_owner_type: 'OwnerType',
  campaign_phase: 'Phase',
  case_action: 'CaseAction',
  case_status: 'CaseStatus',
  category: 'Category',
  check_in_attitude: 'Attitude',
  deadline_kind: 'DeadlineKind',
  deadline_rule_kind: 'DeadlineRuleKind',
  deadline_status: 'DeadlineStatus',
  deadline_subject: 'SubjectType',
  duration_unit: 'DurationUnit',
  escalation_level: null,
  hearing_kind: 'HearingKind',
  hearing_participant_kind: 'ParticipantKind',
  hearing_status: 'HearingStatus',
  legal_channel: 'LegalChannel',
  measure: 'Measure',
  org_kind: 'OrgKind',
  outcome_kind: 'OutcomeKind',
  petition_form: 'PetitionForm',
  plan_status: 'PlanStatus',
  procedure_stage: 'ProcedureStage',
  receiving_organ: 'ReceivingOrgan',
  relief_action: 'ReliefAction',
  relief_kind: 'ReliefKind',
  relief_step: 'Step',
  risk_level: 'RiskLevel',
  role: 'Role',
  role_in_case: 'RoleInCase',
  three_cross_flag: 'ThreeCrossFlag',
  visit_manner: 'VisitManner',
} as const satisfies Record<EnumName, keyof S | null>

/**
 * An enum that the contract carries only as separate fields (the case's `province_visits` and
 * `beijing_visits`), so it has no schema of its own: its values are typed here.
 */
interface UnnamedEnums {
  escalation_level: 'province' | 'beijing'
}

type Schema<K extends EnumName> = (typeof ENUM_SCHEMAS)[K]
/** The values of a labelled enum, from the contract. */
export type EnumValue<K extends EnumName> = Schema<K> extends keyof S
  ? S[Schema<K>]
  : K extends keyof UnnamedEnums
    ? UnnamedEnums[K]
    : never

const index = new Map<string, ReadonlyMap<string, Readonly<Record<Locale, string>>>>(
  Object.entries(table).map(([name, items]) => [name, new Map(items.map((item) => [item.value, item]))]),
)

/** A value's label in `locale`; the value itself if the server sent one this build does not know. */
export function enumLabel<K extends EnumName>(name: K, value: EnumValue<K>, locale: Locale): string {
  return index.get(name)?.get(value as string)?.[locale] ?? (value as string)
}

/** Whether `value` is one of the enum's values (for fields the contract types as plain strings). */
export function isEnumValue<K extends EnumName>(name: K, value: string | null | undefined): value is EnumValue<K> {
  return value != null && index.get(name)?.has(value) === true
}

/** The enum's values in the server's order. */
export function enumValues<K extends EnumName>(name: K): Array<EnumValue<K>> {
  return table[name].map((item) => item.value as EnumValue<K>)
}
