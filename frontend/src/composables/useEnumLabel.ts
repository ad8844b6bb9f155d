import { useI18n } from 'vue-i18n'
import { enumLabel, isEnumValue, type EnumName, type EnumValue } from '@/api/enumLabels'
import type { CaseAction, CaseStatus, Category, PetitionForm, RiskLevel, Role, RoleInCase } from '@/api/types'
import { DEFAULT_LOCALE, isLocale } from '@/locales/meta'

/**
 * Enum labels in the current locale, from the server's label registry (src/api/enum-labels.json);
 * the locale files hold only the UI's own texts. Reading the locale inside each call makes a
 * template that shows a label re-render when the user switches language.
 */
export function useEnumLabel() {
  const { locale } = useI18n()
  const label = <K extends EnumName>(name: K, value: EnumValue<K>): string =>
    enumLabel(name, value, isLocale(locale.value) ? locale.value : DEFAULT_LOCALE)
  /** For keys the contract types as plain strings (report buckets, deadline details). */
  const labelOf = (name: EnumName, value: string | null | undefined): string =>
    isEnumValue(name, value) ? label(name, value) : (value ?? '')
  return {
    label,
    labelOf,
    caseStatus: (v: CaseStatus) => label('case_status', v),
    caseAction: (v: CaseAction) => label('case_action', v),
    category: (v: Category) => label('category', v),
    roleInCase: (v: RoleInCase) => label('role_in_case', v),
    petitionForm: (v: PetitionForm) => label('petition_form', v),
    riskLevel: (v: RiskLevel) => label('risk_level', v),
    role: (v: Role) => label('role', v),
  }
}
