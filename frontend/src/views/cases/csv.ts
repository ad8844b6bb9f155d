/** CSV for Excel: UTF-8 with a BOM (else Excel reads Chinese as mojibake), CRLF rows, RFC 4180 quoting. */

export const BOM = '\uFEFF'

/**
 * A cell Excel would run as a formula (= + - @, or a leading tab/CR that some versions skip)
 * gets an apostrophe in front: a petitioner's text must never execute on an official's PC.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`
  return text
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}
