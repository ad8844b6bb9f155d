import type { Category } from '@/api/types'
import type { CaseCreate, CaseOut, CaseUpdate, PetitionerFields, PetitionerOut } from './cases.api'
import type { LegalChannel, PetitionForm, ProcedureStage, ReceivingOrgan, RiskLevel, ThreeCrossFlag } from './enums'

/**
 * The registration/edit form's model and its mapping to the API bodies. Text inputs hold ''
 * for "empty" (Element Plus inputs want strings); the API gets null or nothing instead.
 */
export interface PetitionerRow {
  /** Stable v-for key: rows are added and removed. */
  key: string
  /** An already-registered petitioner (found by ID number, or on the case) or a new one. */
  existing: PetitionerOut | null
  name: string
  id_number: string
  phone: string
  ethnicity: string
  address: string
  household_registration_place: string
  residence_place: string
  occupation: string
}

export interface OrganRow {
  key: string
  organ: ReceivingOrgan | null
  reference_number: string
  received_on: string | null
}

export interface ProcedureRow {
  key: string
  stage: ProcedureStage | null
  organ: string
  decided_on: string | null
  reference_number: string
  conclusion: string
}

export interface CaseFormModel {
  campaign_id: string
  org_unit_id: string
  title: string
  registered_on: string | null
  petition_form: PetitionForm | null
  first_petition_on: string | null
  latest_petition_on: string | null
  petition_count: number
  group_size: number | null
  category: Category | null
  receiving_organs: OrganRow[]
  decision_organ: string
  decision_reference: string
  decision_date: string | null
  decision_effective_on: string | null
  decision_summary: string
  demands: string
  cause: string
  crux: string
  legal_channels: LegalChannel[]
  legal_channels_exhausted: boolean
  petitioned_before_ruling: boolean
  three_cross_flags: ThreeCrossFlag[]
  three_cross_note: string
  sensitive_period: boolean
  risk_level: RiskLevel
  threat_recorded: boolean
  threat_note: string
  province_visits: number
  beijing_visits: number
  last_escalated_visit_on: string | null
  procedures: ProcedureRow[]
  petitioners: PetitionerRow[]
}

let seq = 0
const nextKey = (prefix: string) => `${prefix}${++seq}`

export function newPetitionerRow(existing: PetitionerOut | null = null): PetitionerRow {
  return {
    key: nextKey('p'),
    existing,
    name: existing?.name ?? '',
    id_number: '',
    phone: '',
    ethnicity: '',
    address: '',
    household_registration_place: '',
    residence_place: '',
    occupation: '',
  }
}
export function newOrganRow(): OrganRow {
  return { key: nextKey('o'), organ: null, reference_number: '', received_on: null }
}
export function newProcedureRow(): ProcedureRow {
  return { key: nextKey('s'), stage: null, organ: '', decided_on: null, reference_number: '', conclusion: '' }
}

export function emptyCaseForm(campaignId = ''): CaseFormModel {
  return {
    campaign_id: campaignId,
    org_unit_id: '',
    title: '',
    registered_on: null,
    petition_form: null,
    first_petition_on: null,
    latest_petition_on: null,
    petition_count: 1,
    group_size: null,
    category: null,
    receiving_organs: [newOrganRow()],
    decision_organ: '',
    decision_reference: '',
    decision_date: null,
    decision_effective_on: null,
    decision_summary: '',
    demands: '',
    cause: '',
    crux: '',
    legal_channels: [],
    legal_channels_exhausted: false,
    petitioned_before_ruling: false,
    three_cross_flags: [],
    three_cross_note: '',
    sensitive_period: false,
    risk_level: 'low',
    threat_recorded: false,
    threat_note: '',
    province_visits: 0,
    beijing_visits: 0,
    last_escalated_visit_on: null,
    procedures: [],
    petitioners: [newPetitionerRow()],
  }
}

const s = (v: string | null | undefined) => v ?? ''

export function caseToForm(c: CaseOut): CaseFormModel {
  return {
    campaign_id: c.campaign_id,
    org_unit_id: c.org_unit_id,
    title: c.title,
    registered_on: c.registered_on,
    petition_form: c.petition_form,
    first_petition_on: c.first_petition_on,
    latest_petition_on: c.latest_petition_on,
    petition_count: c.petition_count,
    group_size: c.group_size,
    category: c.category,
    receiving_organs: c.receiving_organs.map((o) => ({
      key: nextKey('o'),
      organ: o.organ,
      reference_number: s(o.reference_number),
      received_on: o.received_on,
    })),
    decision_organ: s(c.decision_organ),
    decision_reference: s(c.decision_reference),
    decision_date: c.decision_date,
    decision_effective_on: c.decision_effective_on,
    decision_summary: s(c.decision_summary),
    demands: c.demands,
    cause: s(c.cause),
    crux: s(c.crux),
    legal_channels: [...c.legal_channels],
    legal_channels_exhausted: c.legal_channels_exhausted,
    petitioned_before_ruling: c.petitioned_before_ruling,
    three_cross_flags: [...c.three_cross_flags],
    three_cross_note: s(c.three_cross_note),
    sensitive_period: c.sensitive_period,
    risk_level: c.risk_level,
    threat_recorded: c.threat_recorded,
    threat_note: s(c.threat_note),
    province_visits: c.province_visits,
    beijing_visits: c.beijing_visits,
    last_escalated_visit_on: c.last_escalated_visit_on,
    procedures: c.procedures.map((p) => ({
      key: nextKey('s'),
      stage: p.stage,
      organ: p.organ,
      decided_on: p.decided_on,
      reference_number: s(p.reference_number),
      conclusion: s(p.conclusion),
    })),
    petitioners: c.petitioners.map((p) => newPetitionerRow(p)),
  }
}

/** '' (and whitespace) → null: the API treats blank optional text as absent. */
const text = (v: string): string | null => (v.trim() === '' ? null : v.trim())

function petitionerBody(row: PetitionerRow): { petitioner_id: string } | PetitionerFields {
  if (row.existing) return { petitioner_id: row.existing.id }
  return {
    name: row.name.trim(),
    id_number: text(row.id_number),
    phone: text(row.phone),
    ethnicity: text(row.ethnicity),
    address: text(row.address),
    household_registration_place: text(row.household_registration_place),
    residence_place: text(row.residence_place),
    occupation: text(row.occupation),
  }
}

/**
 * Every field of the body, as the API would store it. Required enums the user left empty are
 * sent as null on purpose: the API's 422 then points at the field, like any other error.
 */
export function formToBody(m: CaseFormModel): Required<Omit<CaseCreate, 'org_unit_id'>> {
  return {
    campaign_id: m.campaign_id,
    title: m.title.trim(),
    registered_on: m.registered_on,
    petition_form: m.petition_form as PetitionForm,
    first_petition_on: m.first_petition_on as string,
    latest_petition_on: m.latest_petition_on,
    petition_count: m.petition_count,
    group_size: m.group_size,
    category: m.category as Category,
    receiving_organs: m.receiving_organs.map((o) => ({
      organ: o.organ as ReceivingOrgan,
      reference_number: text(o.reference_number),
      received_on: o.received_on,
    })),
    decision_organ: text(m.decision_organ),
    decision_reference: text(m.decision_reference),
    decision_date: m.decision_date,
    decision_effective_on: m.decision_effective_on,
    decision_summary: text(m.decision_summary),
    demands: m.demands.trim(),
    cause: text(m.cause),
    crux: text(m.crux),
    legal_channels: [...m.legal_channels],
    legal_channels_exhausted: m.legal_channels_exhausted,
    petitioned_before_ruling: m.petitioned_before_ruling,
    three_cross_flags: [...m.three_cross_flags],
    three_cross_note: text(m.three_cross_note),
    sensitive_period: m.sensitive_period,
    risk_level: m.risk_level,
    threat_recorded: m.threat_recorded,
    threat_note: m.threat_recorded ? text(m.threat_note) : null,
    province_visits: m.province_visits,
    beijing_visits: m.beijing_visits,
    last_escalated_visit_on: m.last_escalated_visit_on,
    procedures: m.procedures.map((p) => ({
      stage: p.stage as ProcedureStage,
      organ: p.organ.trim(),
      decided_on: p.decided_on,
      reference_number: text(p.reference_number),
      conclusion: text(p.conclusion),
    })),
    petitioners: m.petitioners.map(petitionerBody),
  }
}

export function toCreateBody(m: CaseFormModel): CaseCreate {
  const body: CaseCreate = formToBody(m)
  if (m.org_unit_id) body.org_unit_id = m.org_unit_id
  return body
}

/**
 * Only what changed since the form was opened (a list changes as a whole). An empty patch
 * means nothing to save.
 */
export function toPatchBody(initial: CaseFormModel, current: CaseFormModel): CaseUpdate {
  const before = formToBody(initial)
  const after = formToBody(current)
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key]
  }
  return patch as CaseUpdate
}
