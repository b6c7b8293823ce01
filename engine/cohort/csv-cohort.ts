/**
 * Reading a CSV cohort: records with the line each starts on, the header's columns, and one data row
 * as a person plus the problems only a CSV cell can have (yes/no, amounts, half-filled carers).
 */

import { parse } from 'csv-parse/sync';
import type { CohortPerson } from './cohort.js';
import type { KnownIds } from './person-checks.js';
import { parsePounds } from './pounds.js';
import type { RowIssue } from './row-issues.js';

/** The fixed CSV columns; every other column is a question id whose cells are answer ids. */
export const CSV_COLUMNS = [
  'ref',
  'clientGroup',
  'ageBand',
  'carerWilling',
  'carerAble',
  'carerSupportLevel',
  'carerImpact',
  'currentAnnualCost',
] as const;
export type FixedColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly FixedColumn[] = ['ref', 'clientGroup', 'ageBand'];
const CARER_COLUMNS = ['carerWilling', 'carerAble', 'carerSupportLevel', 'carerImpact'] as const;

/** Where a JSON field lives in the CSV, so CSV problems name the column the user sees. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  'carer.willingToContinue': 'carerWilling',
  'carer.ableToContinue': 'carerAble',
  'carer.supportLevel': 'carerSupportLevel',
  'carer.impact': 'carerImpact',
  currentAnnualCostPence: 'currentAnnualCost',
};

export interface CsvRow {
  cells: string[];
  /** The line of the file the record starts on. */
  line: number;
}

/**
 * Records with the line each starts on. csv-parse's own line count runs ahead after a quoted line
 * break in a CRLF file, so lines are counted here from the byte offset where each record ends.
 */
export function readCsv(text: string): { rows: CsvRow[] } | { issue: RowIssue } {
  // Offsets are in UTF-8 bytes, as csv-parse counts them.
  const bytes = new TextEncoder().encode(text);
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { issue: { row: 0, line: err.lines, field: '', code: 'csv_syntax', message: `the file is not readable CSV: ${err.message}` } };
  }
  const breaks = lineBreakOffsets(bytes);
  const lineAt = (offset: number) => 1 + countBelow(breaks, offset);
  const rows: CsvRow[] = [];
  let start = 0;
  for (const { record, info } of records) {
    // Skip the blank lines (and the BOM) between the previous record and this one.
    let first = start;
    while (first < info.bytes && (bytes[first] === 0x0a || bytes[first] === 0x0d)) first++;
    if (start === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) first = Math.max(first, 3);
    rows.push({ cells: record, line: lineAt(first) });
    start = info.bytes;
  }
  return { rows };
}

/** Offsets of the bytes that end lines: each LF, and each CR not followed by LF (old Mac files). */
function lineBreakOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) out.push(i);
  }
  return out;
}

function countBelow(sorted: number[], value: number): number {
  let low = 0,
    high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface Layout {
  fixed: Map<FixedColumn, number>;
  questions: Array<{ id: string; index: number }>;
  issues: RowIssue[];
}

/** Column names are matched loosely ("Current annual cost", "carer_willing"), question ids exactly. */
export function readHeader(cells: string[], known: KnownIds): Layout {
  const fixed = new Map<FixedColumn, number>();
  const questions: Layout['questions'] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const loose = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [index, raw] of cells.entries()) {
    const name = raw.trim();
    const issue = (code: string, message: string) => issues.push({ row: 0, field: name, code, message: `column ${index + 1} ${message}` });
    if (name === '') {
      issue('empty_column_name', 'has no name: name it after a question id, or remove it');
      continue;
    }
    const fixedName = CSV_COLUMNS.find((c) => loose(c) === loose(name));
    const key = fixedName ?? name;
    if (seen.has(key)) {
      issue('duplicate_column', `is the same column as column ${seen.get(key)! + 1}: each column may appear once`);
      continue;
    }
    seen.set(key, index);
    if (fixedName) fixed.set(fixedName, index);
    else if (known.questions && !known.questions.has(name)) {
      issue('unknown_column', `is neither one of the columns ${CSV_COLUMNS.join(', ')} nor a question any of the versions asks`);
    } else questions.push({ id: name, index });
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!fixed.has(column))
      issues.push({
        row: 0,
        field: column,
        code: 'missing_column',
        message: `the header has no '${column}' column; it is required (columns: ${CSV_COLUMNS.join(', ')} and one per question)`,
      });
  }
  const carerColumns = CARER_COLUMNS.filter((c) => fixed.has(c));
  if (carerColumns.length > 0 && carerColumns.length < CARER_COLUMNS.length) {
    for (const column of CARER_COLUMNS.filter((c) => !fixed.has(c))) {
      issues.push({
        row: 0,
        field: column,
        code: 'missing_column',
        message: `the header has ${carerColumns.join(', ')} but no '${column}' column: give all four carer columns or none`,
      });
    }
  }
  return { fixed, questions, issues };
}

/** One data row as a person, and what is wrong with the cells only CSV can get wrong. */
export function rowToPerson(
  cell: (name: FixedColumn) => string,
  layout: Layout,
  cells: string[],
): { person: CohortPerson; issues: Array<Omit<RowIssue, 'row' | 'line'>> } {
  const issues: Array<Omit<RowIssue, 'row' | 'line'>> = [];
  const person: CohortPerson = { ref: cell('ref'), clientGroup: cell('clientGroup'), ageBand: cell('ageBand'), answers: {} };
  for (const column of REQUIRED_COLUMNS) {
    if (layout.fixed.has(column) && cell(column) === '')
      issues.push({ field: column, code: 'required', message: `${column} is empty; every person needs one` });
  }
  for (const { id, index } of layout.questions) {
    const answer = cells[index]!.trim();
    if (answer !== '') person.answers[id] = answer;
  }
  const carerCells = CARER_COLUMNS.map((c) => [c, cell(c)] as const);
  const filled = carerCells.filter(([, v]) => v !== '');
  if (filled.length === CARER_COLUMNS.length) {
    const willing = yesNo(cell('carerWilling'));
    const able = yesNo(cell('carerAble'));
    for (const [column, value] of [
      ['carerWilling', willing],
      ['carerAble', able],
    ] as const) {
      if (value === null)
        issues.push({ field: column, code: 'bad_boolean', message: `'${cell(column)}' is not yes or no: write yes, no, true or false` });
    }
    if (willing !== null && able !== null) {
      person.carer = {
        willingToContinue: willing,
        ableToContinue: able,
        supportLevel: cell('carerSupportLevel'),
        impact: cell('carerImpact'),
      };
    }
  } else if (filled.length > 0) {
    const missing = carerCells.filter(([, v]) => v === '').map(([c]) => c);
    issues.push({
      field: 'carer',
      code: 'incomplete_carer',
      message: `the carer details are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty while ${filled.map(([c]) => c).join(', ')} ${filled.length === 1 ? 'is' : 'are'} filled; fill all four carer columns, or leave all four empty for no carer`,
    });
  }
  const cost = cell('currentAnnualCost');
  if (cost !== '') {
    const parsed = parsePounds(cost);
    if ('pence' in parsed) person.currentAnnualCostPence = parsed.pence;
    else issues.push({ field: 'currentAnnualCost', code: 'bad_amount', message: parsed.reason });
  }
  return { person, issues };
}

function yesNo(text: string): boolean | null {
  const t = text.toLowerCase();
  return t === 'yes' || t === 'true' ? true : t === 'no' || t === 'false' ? false : null;
}
