/**
 * RFC 4180 CSV writing, shared by the server's streamed response export and the dashboard's scores
 * download, so both quote the same way and both refuse to hand a spreadsheet a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Line ending RFC 4180 prescribes. */
export const CSV_NEWLINE = '\r\n';

/**
 * Byte-order mark put before the header: without it Excel reads UTF-8 as the system code page and
 * garbles Chinese text. RFC 4180 parsers that know about BOMs (csv-parse `bom: true`) skip it.
 */
export const CSV_BOM = '\uFEFF';

// A cell a spreadsheet would evaluate: =, +, - and @ start formulas; tab and CR can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell. Numbers we produce are written as they are (a negative SERVQUAL gap stays a number);
 * text that a spreadsheet would run as a formula is prefixed with `'` (OWASP's CSV-injection advice).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_NEWLINE;
}

/** A whole document (BOM, header, records) for content small enough to build in memory. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join('');
}
