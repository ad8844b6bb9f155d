/**
 * CNY amounts as the API sends them: decimal strings with two places. Never parsed to a float —
 * checks and formatting work on the digits.
 */
export const MAX_AMOUNT = '10000000.00'
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/

/** `12.3` → `12.30`; null when not a plain non-negative decimal with at most two places. */
export function normaliseAmount(input: string): string | null {
  const m = AMOUNT.exec(input.trim())
  if (!m) return null
  const whole = m[1]!.replace(/^0+(?=\d)/, '')
  return `${whole}.${(m[2] ?? '').padEnd(2, '0')}`
}

/** Compare two normalised amounts (`-1 | 0 | 1`) by their digits. */
export function compareAmounts(a: string, b: string): number {
  const [aw = '', af = ''] = a.split('.')
  const [bw = '', bf = ''] = b.split('.')
  if (aw.length !== bw.length) return aw.length < bw.length ? -1 : 1
  const x = aw + af
  const y = bw + bf
  return x === y ? 0 : x < y ? -1 : 1
}

export type AmountProblem = 'format' | 'zero' | 'too_large'

/** What the API would refuse: not a number with ≤ 2 places, zero, above the ten-million ceiling. */
export function amountProblem(input: string): AmountProblem | null {
  const value = normaliseAmount(input)
  if (value === null) return 'format'
  if (compareAmounts(value, '0.00') === 0) return 'zero'
  if (compareAmounts(value, MAX_AMOUNT) > 0) return 'too_large'
  return null
}

/** `1234567.8` → `¥1,234,567.80`; '' for null; an unparseable string is shown as given. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const negative = value.trim().startsWith('-')
  const normal = normaliseAmount(negative ? value.trim().slice(1) : value)
  if (normal === null) return value
  const [whole = '0', cents = '00'] = normal.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}¥${grouped}.${cents}`
}
