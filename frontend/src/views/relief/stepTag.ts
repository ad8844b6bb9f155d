import type { Step } from './steps'

export const stepTag: Readonly<Record<Step, 'primary' | 'success' | 'warning' | 'info' | 'danger'>> = {
  draft: 'info',
  submitted: 'primary',
  unit_opinion: 'primary',
  reviewed: 'warning',
  approved: 'success',
  rejected: 'danger',
  disbursed: 'success',
  notified: 'success',
}
