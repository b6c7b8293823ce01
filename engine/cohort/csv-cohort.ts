/**
 * The CSV cohort's columns: the header's layout, and one data row as a person plus the problems
 * only a CSV cell can have (yes/no, amounts, half-filled carers).
 */

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
const REQUIRED_COLUMNS = ['ref', 'clientGroup', 'ageBand'] as const satisfies readonly FixedColumn[];
const CARER_COLUMNS = ['carerWilling', 'carerAble', 'carerSupportLevel', 'carerImpact'] as const;

/** Where a JSON field lives in the CSV, so CSV problems name the column the user sees. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  'carer.willingToContinue': 'carerWilling',
  'carer.ableToContinue': 'carerAble',
  'carer.supportLevel': 'carerSupportLevel',
  'carer.impact': 'carerImpact',
  currentAnnualCostPence: 'currentAnnualCost',
};

export interface Layout {
  /** Each fixed column's place in a row (-1: the file has no such column). */
  fixedAt: Record<FixedColumn, number>;
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
  const fixedAt = Object.fromEntries(CSV_COLUMNS.map((c) => [c, fixed.get(c) ?? -1])) as Record<FixedColumn, number>;
  return { fixedAt, questions, issues };
}

/**
 * One data row's fixed columns as a person (answers are left to the importer, which codes each
 * distinct cell once), and what is wrong with the cells only CSV can get wrong.
 */
export function rowToPerson(
  cells: readonly string[],
  layout: Layout,
): { person: CohortPerson; issues: Array<Omit<RowIssue, 'row' | 'line'>> } {
  const issues: Array<Omit<RowIssue, 'row' | 'line'>> = [];
  const person: CohortPerson = {
    ref: cellOf(cells, layout, 'ref'),
    clientGroup: cellOf(cells, layout, 'clientGroup'),
    ageBand: cellOf(cells, layout, 'ageBand'),
    answers: {},
  };
  for (const column of REQUIRED_COLUMNS) {
    if (layout.fixedAt[column] >= 0 && person[column] === '')
      issues.push({ field: column, code: 'required', message: `${column} is empty; every person needs one` });
  }
  const carerCells = CARER_COLUMNS.map((c) => cellOf(cells, layout, c));
  const filled = carerCells.filter((v) => v !== '').length;
  if (filled === CARER_COLUMNS.length) {
    const [willingText, ableText, supportLevel, impact] = carerCells as [string, string, string, string];
    const willing = yesNo(willingText);
    const able = yesNo(ableText);
    if (willing === null) issues.push(notYesNo('carerWilling', willingText));
    if (able === null) issues.push(notYesNo('carerAble', ableText));
    if (willing !== null && able !== null) person.carer = { willingToContinue: willing, ableToContinue: able, supportLevel, impact };
  } else if (filled > 0) {
    const missing = CARER_COLUMNS.filter((_, k) => carerCells[k] === '');
    const given = CARER_COLUMNS.filter((_, k) => carerCells[k] !== '');
    issues.push({
      field: 'carer',
      code: 'incomplete_carer',
      message: `the carer details are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty while ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} filled; fill all four carer columns, or leave all four empty for no carer`,
    });
  }
  const cost = cellOf(cells, layout, 'currentAnnualCost');
  if (cost !== '') {
    const parsed = parsePounds(cost);
    if ('pence' in parsed) person.currentAnnualCostPence = parsed.pence;
    else issues.push({ field: 'currentAnnualCost', code: 'bad_amount', message: parsed.reason });
  }
  return { person, issues };
}

function notYesNo(field: FixedColumn, text: string): Omit<RowIssue, 'row' | 'line'> {
  return { field, code: 'bad_boolean', message: `'${text}' is not yes or no: write yes, no, true or false` };
}

/** A fixed column's cell, trimmed; '' when the file has no such column. */
function cellOf(cells: readonly string[], layout: Layout, name: FixedColumn): string {
  const index = layout.fixedAt[name];
  return index < 0 ? '' : cells[index]!.trim();
}

function yesNo(text: string): boolean | null {
  const t = text.toLowerCase();
  return t === 'yes' || t === 'true' ? true : t === 'no' || t === 'false' ? false : null;
}
