import type { components } from './schema'

type Schemas = components['schemas']

export type Role = Schemas['Role']
export type Me = Schemas['Me']
export type CaseStatus = Schemas['CaseStatus']
export type CaseAction = Schemas['CaseAction']
export type Category = Schemas['Category']
export type RoleInCase = Schemas['RoleInCase']
export type PetitionForm = Schemas['PetitionForm']
export type RiskLevel = Schemas['RiskLevel']
