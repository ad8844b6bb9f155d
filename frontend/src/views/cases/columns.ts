/** Table columns of the case list: i18n keys and widths in one place. */
export const caseColumns = [
  { prop: 'number', labelKey: 'cases.list.number', width: 170 },
  { prop: 'title', labelKey: 'cases.list.case_title', minWidth: 240 },
  { prop: 'status', labelKey: 'cases.list.status', width: 150 },
  { prop: 'category', labelKey: 'cases.list.category', width: 130 },
  { prop: 'registered_on', labelKey: 'cases.list.registered_on', width: 120 },
  { prop: 'responsible_leader', labelKey: 'cases.list.responsible_leader', width: 130 },
] as const

export const statusTagType = {
  registered: 'info',
  analysed: 'info',
  plan_approved: 'primary',
  resolving: 'warning',
  resolved: 'success',
  terminated: 'info',
  referred: 'danger',
  accepted: 'success',
} as const

export type CaseColumnProp = (typeof caseColumns)[number]['prop']
