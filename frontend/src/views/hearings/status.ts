import type { HearingStatus } from './hearings.api'

/** Element Plus tag types per status; the calendar uses the same colours via CSS classes. */
export const hearingStatusTag: Readonly<Record<HearingStatus, 'primary' | 'success' | 'warning' | 'info'>> = {
  scheduled: 'primary',
  held: 'success',
  postponed: 'warning',
  cancelled: 'info',
}
