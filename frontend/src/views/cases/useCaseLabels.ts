import { useI18n } from 'vue-i18n'
import { useEnumLabel } from '@/composables/useEnumLabel'
import type { CaseSort, LegalChannel, Measure, OutcomeKind, PlanStatus, ProcedureStage, ReceivingOrgan, ThreeCrossFlag } from './enums'

/** The shared enum labels plus the case domain's own (GLOSSARY.md wording, from cases.json). */
export function useCaseLabels() {
  const { t } = useI18n()
  return {
    ...useEnumLabel(),
    receivingOrgan: (v: ReceivingOrgan) => t(`cases.enums.receiving_organ.${v}`),
    legalChannel: (v: LegalChannel) => t(`cases.enums.legal_channel.${v}`),
    threeCross: (v: ThreeCrossFlag) => t(`cases.enums.three_cross_flag.${v}`),
    procedureStage: (v: ProcedureStage) => t(`cases.enums.procedure_stage.${v}`),
    outcomeKind: (v: OutcomeKind) => t(`cases.enums.outcome_kind.${v}`),
    measure: (v: Measure) => t(`cases.enums.measure.${v}`),
    planStatus: (v: PlanStatus) => t(`cases.enums.plan_status.${v}`),
    // i18n keys cannot start with '-': descending sorts are stored as desc_<field>.
    sort: (v: CaseSort) => t(`cases.list.sorts.${v.startsWith('-') ? `desc_${v.slice(1)}` : v}`),
  }
}
