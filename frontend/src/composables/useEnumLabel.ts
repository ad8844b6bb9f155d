import { useI18n } from 'vue-i18n'
import type { CaseAction, CaseStatus, Category, PetitionForm, RiskLevel, Role, RoleInCase } from '@/api/types'

/** Enum labels per GLOSSARY.md, from the i18n files (one place for each). */
export function useEnumLabel() {
  const { t } = useI18n()
  return {
    caseStatus: (v: CaseStatus) => t(`cases.enums.case_status.${v}`),
    caseAction: (v: CaseAction) => t(`cases.enums.case_action.${v}`),
    category: (v: Category) => t(`cases.enums.category.${v}`),
    roleInCase: (v: RoleInCase) => t(`cases.enums.role_in_case.${v}`),
    petitionForm: (v: PetitionForm) => t(`cases.enums.petition_form.${v}`),
    riskLevel: (v: RiskLevel) => t(`cases.enums.risk_level.${v}`),
    role: (v: Role) => t(`common.enums.role.${v}`),
  }
}
