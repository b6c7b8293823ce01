export type CsvCell = string | number;

/**
 * One CSV writer for every export (comparisons over HTTP and from the CLI, generated cohorts): RFC 4180,
 * CRLF after every record, a cell quoted (its quotes doubled) when it holds a comma, a quote or a line
 * end of either kind, so a reader splitting records on LF or CR still sees one cell. Text a spreadsheet
 * would run as a formula (starting =, +, -, @, a tab or a carriage return) is defused with a leading
 * apostrophe, as OWASP advises; a number, or text that is only a number (a negative amount), is data
 * and stays as it is.
 *
 * Written here rather than by csv-stringify: quoting is the whole of writing CSV, and the library spent
 * twelve microseconds a row, more than generating a million-person cohort may take in all.
 */
export function csvLines(rows: Iterable<readonly CsvCell[]>): string {
  // Joined in pieces, so a 400,000-row export never holds every row's text twice.
  const parts: string[] = [];
  let records: string[] = [];
  for (const row of rows) {
    records.push(csvRecord(row));
    if (records.length === CHUNK) {
      parts.push(records.join(''));
      records = [];
    }
  }
  parts.push(records.join(''));
  return parts.join('');
}

const CHUNK = 10_000;

export function csvLine(cells: readonly CsvCell[]): string {
  return csvLines([cells]);
}

function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const text = defused(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function defused(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}
