import { describe, expect, it } from 'vitest'
import { amountProblem, compareAmounts, formatMoney, normaliseAmount } from '@/lib/money'

describe('formatMoney', () => {
  it('shows yuan with two places and thousands separators', () => {
    expect(formatMoney('12345.60')).toBe('¥12,345.60')
    expect(formatMoney('1234567.8')).toBe('¥1,234,567.80')
    expect(formatMoney('999')).toBe('¥999.00')
    expect(formatMoney('0.05')).toBe('¥0.05')
    expect(formatMoney('10000000.00')).toBe('¥10,000,000.00')
  })

  it('keeps digits a float would lose', () => {
    expect(formatMoney('9007199254740993.01')).toBe('¥9,007,199,254,740,993.01')
    expect(formatMoney('0.10')).toBe('¥0.10')
  })

  it('handles empty and odd values', () => {
    expect(formatMoney(null)).toBe('')
    expect(formatMoney(undefined)).toBe('')
    expect(formatMoney('-12.5')).toBe('-¥12.50')
    expect(formatMoney('abc')).toBe('abc')
  })
})

describe('amount input', () => {
  it('normalises to two places', () => {
    expect(normaliseAmount(' 12.3 ')).toBe('12.30')
    expect(normaliseAmount('007')).toBe('7.00')
    expect(normaliseAmount('0.5')).toBe('0.50')
    expect(normaliseAmount('12.345')).toBeNull()
    expect(normaliseAmount('1e3')).toBeNull()
    expect(normaliseAmount('-1')).toBeNull()
    expect(normaliseAmount('')).toBeNull()
  })

  it('compares by digits', () => {
    expect(compareAmounts('100.00', '99.99')).toBe(1)
    expect(compareAmounts('99.99', '100.00')).toBe(-1)
    expect(compareAmounts('12.30', '12.30')).toBe(0)
    expect(compareAmounts('12.31', '12.30')).toBe(1)
  })

  it('says what the API would refuse', () => {
    expect(amountProblem('12345.60')).toBeNull()
    expect(amountProblem('10000000')).toBeNull()
    expect(amountProblem('10000000.01')).toBe('too_large')
    expect(amountProblem('0.00')).toBe('zero')
    expect(amountProblem('0')).toBe('zero')
    expect(amountProblem('1.234')).toBe('format')
    expect(amountProblem('NaN')).toBe('format')
    expect(amountProblem('1,000')).toBe('format')
  })
})
