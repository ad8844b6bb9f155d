import type { ApiPaths } from '@/api/client'
import type { components } from '@/api/schema'

type S = components['schemas']
export type ReceivingOrgan = S['ReceivingOrgan']
export type LegalChannel = S['LegalChannel']
export type ThreeCrossFlag = S['ThreeCrossFlag']
export type ProcedureStage = S['ProcedureStage']
export type OutcomeKind = S['OutcomeKind']
export type Measure = S['Measure']
export type PlanStatus = S['PlanStatus']
export type PetitionForm = S['PetitionForm']
export type RiskLevel = S['RiskLevel']
export type CaseSort = NonNullable<NonNullable<ApiPaths['/cases']['get']['parameters']['query']>['sort']>

/** Every value of each enum, in the order officials list them; typed from the schema. */
export const RECEIVING_ORGANS = [
  'party_committee',
  'peoples_congress',
  'government',
  'cppcc',
  'discipline_commission',
  'political_legal_committee',
  'ministry_of_justice',
  'provincial_justice_department',
  'municipal_justice_bureau',
] as const satisfies readonly ReceivingOrgan[]
export const LEGAL_CHANNELS = [
  'litigation',
  'administrative_reconsideration',
  'arbitration',
  'review_opinion',
] as const satisfies readonly LegalChannel[]
export const THREE_CROSS_FLAGS = [
  'cross_region',
  'cross_department',
  'cross_sector',
  'person_household_separated',
  'person_matter_separated',
  'person_matter_property_separated',
] as const satisfies readonly ThreeCrossFlag[]
export const PROCEDURE_STAGES = ['initial', 'review', 're_review'] as const satisfies readonly ProcedureStage[]
export const OUTCOME_KINDS = [
  'claim_resolved',
  'educated',
  'corrected',
  'relieved',
  'handled_by_law',
  'terminated',
] as const satisfies readonly OutcomeKind[]
export const MEASURES = [
  'peoples_mediation',
  'grand_mediation',
  'public_hearing',
  'lawyer_participation',
  'expert_consultation',
  'relief',
  'counselling',
  'correction',
  'legal_handling',
] as const satisfies readonly Measure[]
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const satisfies readonly PlanStatus[]
export const PETITION_FORMS = ['letter', 'visit', 'online', 'phone'] as const satisfies readonly PetitionForm[]
export const RISK_LEVELS = ['low', 'medium', 'high'] as const satisfies readonly RiskLevel[]
export const CASE_SORTS = [
  '-updated_at',
  'updated_at',
  '-registered_on',
  'registered_on',
  'first_petition_on',
  'number',
] as const satisfies readonly CaseSort[]

type Exhaustive<All, Listed> = [All] extends [Listed] ? true : never
export const _exhaustive: Array<true> = [
  true satisfies Exhaustive<ReceivingOrgan, (typeof RECEIVING_ORGANS)[number]>,
  true satisfies Exhaustive<LegalChannel, (typeof LEGAL_CHANNELS)[number]>,
  true satisfies Exhaustive<ThreeCrossFlag, (typeof THREE_CROSS_FLAGS)[number]>,
  true satisfies Exhaustive<ProcedureStage, (typeof PROCEDURE_STAGES)[number]>,
  true satisfies Exhaustive<OutcomeKind, (typeof OUTCOME_KINDS)[number]>,
  true satisfies Exhaustive<Measure, (typeof MEASURES)[number]>,
  true satisfies Exhaustive<PlanStatus, (typeof PLAN_STATUSES)[number]>,
  true satisfies Exhaustive<PetitionForm, (typeof PETITION_FORMS)[number]>,
  true satisfies Exhaustive<RiskLevel, (typeof RISK_LEVELS)[number]>,
  true satisfies Exhaustive<CaseSort, (typeof CASE_SORTS)[number]>,
]

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value)
}
