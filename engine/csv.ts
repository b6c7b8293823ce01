import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number;

/**
 * One CSV writer for every export (comparisons over HTTP and from the CLI, generated cohorts): RFC 4180
 * quoting by csv-stringify, and text a spreadsheet would run as a formula (starting =, +, -, @, a tab or
 * a carriage return) defused with a leading apostrophe, as OWASP advises. A number, or text that is only
 * a number (a negative amount), is data and stays as it is.
 */
export function csvLines(rows: Iterable<readonly CsvCell[]>): string {
  // In chunks, so a 400,000-row export never holds every row's cells at once.
  const parts: string[] = [];
  let chunk: CsvCell[][] = [];
  for (const row of rows) {
    chunk.push(row.map(defused));
    if (chunk.length === CHUNK) {
      parts.push(stringify(chunk, OPTIONS));
      chunk = [];
    }
  }
  if (chunk.length > 0 || parts.length === 0) parts.push(stringify(chunk, OPTIONS));
  return parts.join('');
}

const CHUNK = 10_000;
// A line end of either kind inside a cell is quoted, so a reader splitting records on LF or CR still sees one cell.
const OPTIONS = { eof: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

export function csvLine(cells: readonly CsvCell[]): string {
  return csvLines([cells]);
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function defused(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}
