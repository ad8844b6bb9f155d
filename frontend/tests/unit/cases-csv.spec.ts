import { describe, expect, it } from 'vitest'
import { BOM, csvCell, toCsv } from '@/views/cases/csv'
import { LEDGER_COLUMNS, ledgerHeader, ledgerRow, type LedgerLabels } from '@/views/cases/ledger'
import { caseFixture } from './cases.fixture'

describe('csv cells', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('陈建国')).toBe('陈建国')
    expect(csvCell(12)).toBe('12')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes commas, quotes and newlines, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('他说"不服"')).toBe('"他说""不服"""')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvCell('x\r\ny')).toBe('"x\r\ny"')
  })

  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tcmd', '\rx'])('defuses a formula-looking cell: %j', (value) => {
    const cell = csvCell(value)
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true)
    expect(cell).toContain(value.trim() === value ? value : value.slice(1))
  })

  it('guards before quoting, so a quoted formula is defused too', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
  })

  it('writes a BOM, CRLF rows and a trailing CRLF', () => {
    const csv = toCsv(['序号', '名称'], [[1, 'a,b'], [2, '=x']])
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe(`${BOM}序号,名称\r\n1,"a,b"\r\n2,'=x\r\n`)
  })
})

describe('case ledger rows', () => {
  const labels: LedgerLabels = {
    t: (key) => key.split('.').pop() ?? key,
    caseStatus: (v) => `status:${v}`,
    category: (v) => `category:${v}`,
    petitionForm: (v) => `form:${v}`,
    riskLevel: (v) => `risk:${v}`,
    receivingOrgan: (v) => `organ:${v}`,
    legalChannel: (v) => `channel:${v}`,
    threeCross: (v) => `flag:${v}`,
    outcomeKind: (v) => `outcome:${v}`,
    escalationLevel: (v) => v,
  }

  it('has one cell per column, in the ledger order', () => {
    const row = ledgerRow(caseFixture(), 0, labels)
    expect(row).toHaveLength(LEDGER_COLUMNS.length)
    expect(ledgerHeader((k) => k)).toEqual(LEDGER_COLUMNS.map((c) => `cases.ledger.columns.${c}`))
  })

  it('maps a case onto the census ledger fields', () => {
    const c = caseFixture()
    const row = ledgerRow(c, 4, labels)
    const cell = (col: (typeof LEDGER_COLUMNS)[number]) => row[LEDGER_COLUMNS.indexOf(col)]
    expect(cell('seq')).toBe('5')
    expect(cell('number')).toBe('QX-SFJ-2010-0005')
    expect(cell('petitioner_names')).toBe('陈建国')
    // Masked as the list API gives them: the export never reveals.
    expect(cell('id_numbers')).toBe('511***********0845')
    expect(cell('receiving_organs')).toBe('organ:provincial_justice_department 清委政法〔2010〕15号 2010-05-05')
    expect(cell('decision')).toBe('城关司法所 清司〔2006〕7号 2006-05-05')
    expect(cell('legal_channels_exhausted')).toBe('yes（channel:review_opinion）')
    expect(cell('three_cross')).toBe('flag:person_household_separated')
    expect(cell('status')).toBe(`status:${c.status}`)
    expect(cell('responsible_leader')).toBe('李建国')
    expect(cell('responsible_department')).toBe('')
    expect(cell('escalated_visits')).toBe('0')
  })

  it('joins several petitioners and survives the CSV round', () => {
    const c = caseFixture()
    const first = c.petitioners[0]!
    c.petitioners.push({ ...first, id: 'x', name: '王某,"二"', id_number: null })
    c.province_visits = 2
    const row = ledgerRow(c, 0, labels)
    expect(row[LEDGER_COLUMNS.indexOf('petitioner_names')]).toBe('陈建国；王某,"二"')
    expect(row[LEDGER_COLUMNS.indexOf('escalated_visits')]).toBe('province 2 / beijing 0')
    expect(toCsv(['x'], [[row[LEDGER_COLUMNS.indexOf('petitioner_names')]]])).toContain('"陈建国；王某,""二"""')
  })
})
