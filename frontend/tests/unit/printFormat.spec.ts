import { describe, expect, it } from 'vitest'
import {
  centsToString,
  formatMoney,
  moneyToChinese,
  multiplyMoney,
  toCents,
  zhDate,
  zhDateHan,
  zhDateTime,
  zhTime,
} from '@/views/print/format'

describe('moneyToChinese', () => {
  it.each([
    ['0.05', '伍分'],
    ['100.00', '壹佰圆整'],
    ['10,010.50', '壹万零壹拾圆伍角整'],
    ['10010.50', '壹万零壹拾圆伍角整'],
    ['1,000,000.00', '壹佰万圆整'],
    ['0.00', '零圆整'],
    ['0.50', '伍角整'],
    ['1.05', '壹圆零伍分'],
    ['10', '壹拾圆整'],
    ['1010.01', '壹仟零壹拾圆零壹分'],
    ['100100', '壹拾万零壹佰圆整'],
    ['100000001.23', '壹亿零壹圆贰角叁分'],
    ['20000.1', '贰万圆壹角整'],
    ['315036.00', '叁拾壹万伍仟零叁拾陆圆整'],
    ['10001000', '壹仟万壹仟圆整'],
  ])('%s → %s', (amount, capital) => {
    expect(moneyToChinese(amount)).toBe(capital)
  })

  it('refuses what is not an amount', () => {
    expect(() => moneyToChinese('12.345')).toThrow(TypeError)
    expect(() => moneyToChinese('-1')).toThrow(TypeError)
    expect(() => moneyToChinese('abc')).toThrow(TypeError)
  })
})

describe('money as cents', () => {
  it('parses decimal strings exactly', () => {
    expect(toCents('0.05')).toBe(5n)
    expect(toCents('10,010.5')).toBe(1001050n)
    expect(toCents('1.999')).toBeNull()
    expect(centsToString(1001050n)).toBe('10010.50')
    expect(centsToString(5n)).toBe('0.05')
  })

  it('multiplies without floating-point error', () => {
    // 0.1 × 3 is 0.30000000000000004 in floats.
    expect(multiplyMoney('0.10', 3)).toBe('0.30')
    expect(multiplyMoney('8765.43', 36)).toBe('315555.48')
    expect(multiplyMoney('x', 36)).toBeNull()
    expect(multiplyMoney('1.00', 1.5)).toBeNull()
  })

  it('formats with ¥ and thousands separators', () => {
    expect(formatMoney('1000000')).toBe('¥1,000,000.00')
    expect(formatMoney('10010.5')).toBe('¥10,010.50')
    expect(formatMoney('0.05')).toBe('¥0.05')
    expect(formatMoney(null)).toBe('')
  })
})

describe('Chinese dates', () => {
  it('formats dates with Arabic numerals, no leading zeros', () => {
    expect(zhDate('2026-11-26')).toBe('2026年11月26日')
    expect(zhDate('2010-06-03')).toBe('2010年6月3日')
    expect(zhDate(null)).toBe('')
    expect(zhDate('not a date')).toBe('')
  })

  it('reads timestamps in Beijing time', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(zhDate('2010-06-02T16:30:00Z')).toBe('2010年6月3日')
    expect(zhDateTime('2010-06-03T01:05:00Z')).toBe('2010年6月3日 9时05分')
    expect(zhTime('2010-06-03T09:30:00+08:00')).toBe('9时30分')
  })

  it('offers the pre-2012 style in Chinese numerals', () => {
    expect(zhDateHan('2010-06-03')).toBe('二〇一〇年六月三日')
    expect(zhDateHan('2010-12-31')).toBe('二〇一〇年十二月三十一日')
    expect(zhDateHan('2011-10-20')).toBe('二〇一一年十月二十日')
  })
})
