/**
 * Formatting for printed forms: Chinese dates and money in capital numerals. Money is handled as
 * decimal strings and integer cents (BigInt) — never as floats, which cannot hold 0.05 exactly.
 */

/** The API's dates are `YYYY-MM-DD`; timestamps are RFC 3339. Both are read as Beijing dates. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

export interface BeijingParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/**
 * Calendar parts in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact for every date this system handles and needs no timezone database.
 */
export function beijingParts(value: string | Date): BeijingParts | null {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value)
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }
  }
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime()
  if (Number.isNaN(time)) return null
  const d = new Date(time + BEIJING_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

/** `2026年11月26日` — Arabic numerals, as GB/T 9704-2012 requires. Empty for no date. */
export function zhDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const p = beijingParts(value)
  return p ? `${p.year}年${p.month}月${p.day}日` : ''
}

/** `2010年6月3日 9时30分` (Beijing time). */
export function zhDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const p = beijingParts(value)
  if (!p) return ''
  const minute = String(p.minute).padStart(2, '0')
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}时${minute}分`
}

/** `9时30分` (Beijing time), for "至 11时00分". */
export function zhTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const p = beijingParts(value)
  return p ? `${p.hour}时${String(p.minute).padStart(2, '0')}分` : ''
}

const HAN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/** 1–99 in Chinese numerals as in dates and list numbering: 十, 十一, 二十, 三十一. */
export function hanNumber(n: number): string {
  if (n < 10) return HAN_DIGITS[n] ?? ''
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : (HAN_DIGITS[tens] ?? '')}十${ones === 0 ? '' : (HAN_DIGITS[ones] ?? '')}`
}

/**
 * `二〇一〇年六月三日` — the style of documents issued before GB/T 9704-2012 took effect on
 * 2012-07-01 (either style is accepted on these forms).
 */
export function zhDateHan(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const p = beijingParts(value)
  if (!p) return ''
  const year = String(p.year)
    .split('')
    .map((c) => HAN_DIGITS[Number(c)] ?? '')
    .join('')
  return `${year}年${hanNumber(p.month)}月${hanNumber(p.day)}日`
}

const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/

/** A decimal string (`"10010.5"`, `"10,010.50"`) as integer cents; null if it is not money. */
export function toCents(amount: string): bigint | null {
  const m = MONEY.exec(amount.trim().replace(/,/g, ''))
  if (!m) return null
  const whole = m[1] ?? '0'
  const frac = (m[2] ?? '').padEnd(2, '0')
  return BigInt(whole) * 100n + BigInt(frac)
}

/** Integer cents back to a two-place decimal string (`1001050n` → `"10010.50"`). */
export function centsToString(cents: bigint): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const whole = abs / 100n
  const frac = (abs % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${whole.toString()}.${frac}`
}

// One way to show money across the app: the sheets print what the screens show.
export { formatMoney } from '@/lib/money'

/** Amount × an integer multiple, exactly (the relief cap is 36 × the monthly average wage). */
export function multiplyMoney(amount: string, multiple: number): string | null {
  const cents = toCents(amount)
  if (cents === null || !Number.isInteger(multiple)) return null
  return centsToString(cents * BigInt(multiple))
}

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const
const BIG_UNITS = ['', '万', '亿', '万亿'] as const

/** One group of up to four digits (`"0101"` → `零壹佰零壹`), zeros collapsed, no trailing zero. */
function capitalGroup(digits: string): string {
  let out = ''
  let pendingZero = false
  const len = digits.length
  for (let i = 0; i < len; i += 1) {
    const d = Number(digits[i])
    const unit = SMALL_UNITS[len - 1 - i] ?? ''
    if (d === 0) {
      pendingZero = out !== '' || pendingZero
      continue
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += (CAPITAL_DIGITS[d] ?? '') + unit
  }
  return out
}

/** The integer part in capitals: `10010` → `壹万零壹拾`, `1000000` → `壹佰万`. */
function capitalInteger(whole: bigint): string {
  if (whole === 0n) return ''
  const text = whole.toString()
  const groups: string[] = []
  for (let end = text.length; end > 0; end -= 4) groups.unshift(text.slice(Math.max(0, end - 4), end))
  if (groups.length > BIG_UNITS.length) throw new RangeError('amount too large')
  let out = ''
  let zeroGap = false
  groups.forEach((group, index) => {
    const unit = BIG_UNITS[groups.length - 1 - index] ?? ''
    if (Number(group) === 0) {
      zeroGap = out !== ''
      return
    }
    // A gap (an all-zero group, or a group starting with 0 after a higher group) reads 零 once.
    if (out !== '' && (zeroGap || group.startsWith('0'))) out += '零'
    out += capitalGroup(group.replace(/^0+/, '')) + unit
    zeroGap = false
  })
  return out
}

/**
 * Money in Chinese capital numerals as on bank and finance forms: `10010.50` →
 * `壹万零壹拾圆伍角整`, `0.05` → `伍分`, `100.00` → `壹佰圆整`. 整 is written unless the amount
 * ends in 分 (so nothing can be appended). Throws on a string that is not an amount.
 */
export function moneyToChinese(amount: string): string {
  const cents = toCents(amount)
  if (cents === null) throw new TypeError(`not an amount: ${amount}`)
  if (cents === 0n) return '零圆整'
  const whole = cents / 100n
  const jiao = Number((cents % 100n) / 10n)
  const fen = Number(cents % 10n)
  let out = capitalInteger(whole)
  if (whole > 0n) out += '圆'
  if (jiao > 0) out += (CAPITAL_DIGITS[jiao] ?? '') + '角'
  else if (fen > 0 && whole > 0n) out += '零'
  if (fen > 0) out += (CAPITAL_DIGITS[fen] ?? '') + '分'
  else out += '整'
  return out
}
