import { useI18n } from 'vue-i18n'
import type { EnumValue } from '@/api/enumLabels'
import { useEnumLabel } from '@/composables/useEnumLabel'
import type { CaseSort, LegalChannel, Measure, OutcomeKind, PlanStatus, ProcedureStage, ReceivingOrgan, ThreeCrossFlag } from './enums'

/** The shared enum labels plus the case domain's own (the server's labels), and the sort orders. */
export function useCaseLabels() {
  const { t } = useI18n()
  const labels = useEnumLabel()
  const { label } = labels
  return {
    ...labels,
    receivingOrgan: (v: ReceivingOrgan) => label('receiving_organ', v),
    legalChannel: (v: LegalChannel) => label('legal_channel', v),
    threeCross: (v: ThreeCrossFlag) => label('three_cross_flag', v),
    procedureStage: (v: ProcedureStage) => label('procedure_stage', v),
    outcomeKind: (v: OutcomeKind) => label('outcome_kind', v),
    measure: (v: Measure) => label('measure', v),
    planStatus: (v: PlanStatus) => label('plan_status', v),
    escalationLevel: (v: EnumValue<'escalation_level'>) => label('escalation_level', v),
    // i18n keys cannot start with '-': descending sorts are stored as desc_<field>.
    sort: (v: CaseSort) => t(`cases.list.sorts.${v.startsWith('-') ? `desc_${v.slice(1)}` : v}`),
  }
}
