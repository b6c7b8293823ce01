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
  const text = new CsvText();
  for (const row of rows) {
    text.add(row);
    if (text.records === CHUNK) parts.push(text.take());
  }
  parts.push(text.take());
  return parts.join('');
}

const CHUNK = 10_000;

export function csvLine(cells: readonly CsvCell[]): string {
  return csvLines([cells]);
}

/**
 * Records added one at a time and taken as text in pieces, for a writer that streams (a generated
 * cohort of a million people). Each record's cells are written into one reused array, so a row costs
 * its text and little else.
 */
export class CsvText {
  private pending: string[] = [];
  private readonly cells: string[] = [];

  /** Records added since the last take(). */
  get records(): number {
    return this.pending.length;
  }

  add(row: readonly CsvCell[]): void {
    const { cells } = this;
    if (cells.length !== row.length) cells.length = row.length;
    for (let k = 0; k < row.length; k++) cells[k] = csvCell(row[k]!);
    this.pending.push(`${cells.join(',')}\r\n`);
  }

  /** The records added since the last take(), as text. */
  take(): string {
    const text = this.pending.join('');
    this.pending = [];
    return text;
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  if (isPlain(cell)) return cell;
  const text = defused(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * True for text that needs neither quoting nor defusing, as nearly every cell is: a scan of its
 * characters, which is several times quicker than the two patterns below over a million rows.
 */
function isPlain(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // = + - @ tab CR: a formula's first character (the patterns below decide whether it is only a number).
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    // " , CR LF
    if (c === 34 || c === 44 || c === 13 || c === 10) return false;
  }
  return true;
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function defused(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}
