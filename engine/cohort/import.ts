/**
 * Cohorts coming in from outside: a cohort.schema.json document or a CSV export from a case system,
 * checked person by person and encoded only if every row is sound. Pure: text and objects in,
 * a whole cohort or the list of problems out (never half a cohort), so the CLI and the server
 * report the same problems in the same words.
 */

import { parse } from 'csv-parse/sync';
import cohortSchema from '../../rules/cohort.schema.json' with { type: 'json' };
import type { CarerSituation } from '../assessment.js';
import type { CompiledPolicy } from '../compile.js';
import { schemaValidator } from '../schema.js';
import { parseAgeBand, type Cohort, type CohortPerson } from './cohort.js';
import { carerOf, encodeCohort, type EncodedCohort } from './encoded-cohort.js';

/** One problem with one person (row ≥ 1), or with the document or header (row 0). */
export interface RowIssue {
  /** 1-based person number: the index in `people` + 1, or the CSV data row (the header is row 0). */
  row: number;
  /** CSV only: the line of the file the row starts on (the header is line 1). */
  line?: number;
  /** JSON: the person's field ('ageBand', 'answers.pc-washing', 'carer.impact'); CSV: the column name. */
  field: string;
  code: string;
  message: string;
}

export interface CohortMeta {
  name: string;
  description?: string;
  policyId?: string;
  people: number;
}

export type ImportResult =
  | { ok: true; cohort: EncodedCohort; meta: CohortMeta }
  | { ok: false; issues: RowIssue[] };

export interface ImportOptions {
  /** Versions the cohort will be evaluated under: ids and answers must be known to at least one. */
  policies?: readonly CompiledPolicy[];
}

export interface CsvImportOptions extends ImportOptions {
  name: string;
  description?: string;
  policyId?: string;
}

/** Enough to fix a file in one pass without flooding a screen or a response. */
export const MAX_ISSUES = 100;

// The imported module object is a singleton, so ajv compiles it once however many modules ask.
const cohortSchemaIssues = schemaValidator(cohortSchema);

/**
 * Checks a cohort.schema.json document and encodes it.
 * @example
 *   const result = importCohortJson(JSON.parse(text), { policies: [compiled] });
 *   if (!result.ok) for (const i of result.issues) console.log(`row ${i.row} ${i.field}: ${i.message}`);
 */
export function importCohortJson(json: unknown, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const byRow = new Map<number, RowIssue[]>();
  for (const issue of cohortSchemaIssues(json)) {
    const located = locate(issue.path);
    const rowIssue = { row: located.row, field: located.field, code: issue.code, message: issue.message };
    if (located.row === 0) issues.add(rowIssue);
    else byRow.set(located.row, [...(byRow.get(located.row) ?? []), rowIssue]);
  }
  // Without a list of people there is nothing to check row by row.
  const doc = json as Partial<Cohort> | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.people)) return { ok: false, issues: issues.finish() };

  const known = knownIds(options.policies);
  issues.addAll(policyIdIssues(doc.policyId, options.policies));
  const refs = new Map<string, number>();
  doc.people.forEach((person, i) => {
    const row = i + 1;
    const own = personIssues(person, row, known, refs);
    // Our own messages say more than ajv's; keep the schema's only for fields we did not speak to.
    const spoken = new Set(own.map((x) => x.field));
    issues.addAll(own);
    issues.addAll((byRow.get(row) ?? []).filter((x) => !spoken.has(x.field) && ![...spoken].some((f) => x.field.startsWith(`${f}.`))));
  });
  if (issues.count > 0) return { ok: false, issues: issues.finish() };
  return encode(doc.people as CohortPerson[], { name: doc.name!, description: doc.description, policyId: doc.policyId });
}

/** The fixed CSV columns; every other column is a question id whose cells are answer ids. */
export const CSV_COLUMNS = ['ref', 'clientGroup', 'ageBand', 'carerWilling', 'carerAble', 'carerSupportLevel', 'carerImpact', 'currentAnnualCost'] as const;
type FixedColumn = typeof CSV_COLUMNS[number];
const REQUIRED_COLUMNS: readonly FixedColumn[] = ['ref', 'clientGroup', 'ageBand'];
const CARER_COLUMNS = ['carerWilling', 'carerAble', 'carerSupportLevel', 'carerImpact'] as const;

/** Where a JSON field lives in the CSV, so CSV problems name the column the user sees. */
const COLUMN_OF_FIELD: Record<string, string> = {
  'carer.willingToContinue': 'carerWilling', 'carer.ableToContinue': 'carerAble',
  'carer.supportLevel': 'carerSupportLevel', 'carer.impact': 'carerImpact', currentAnnualCostPence: 'currentAnnualCost',
};

/**
 * Checks a CSV cohort (header row required) and encodes it. Problems carry the data row number and
 * the line of the file the row starts on; header problems are row 0, line 1.
 * @example
 *   importCohortCsv('ref,clientGroup,ageBand,pc-washing\nA-1,older-people,75-84,some-help\n', { name: 'Pilot' });
 */
export function importCohortCsv(text: string, options: CsvImportOptions): ImportResult {
  const issues = new IssueList();
  const records = readCsv(text);
  if ('issue' in records) return { ok: false, issues: [records.issue] };
  const [header, ...rows] = records.rows;
  if (!header) return { ok: false, issues: [{ row: 0, line: 1, field: '', code: 'no_header', message: `the file is empty: the first line must name the columns (${CSV_COLUMNS.join(', ')} and one column per question)` }] };

  const known = knownIds(options.policies);
  const layout = readHeader(header.cells, known);
  issues.addAll(layout.issues.map((x) => ({ ...x, line: header.line })));
  issues.addAll(policyIdIssues(options.policyId, options.policies));
  // Cells mean what the header says they mean: with a wrong header, row problems would only be noise.
  if (issues.count > 0) return { ok: false, issues: issues.finish() };

  const people: CohortPerson[] = [];
  const lines: number[] = [];
  rows.forEach(({ cells, line }, index) => {
    const row = index + 1;
    const at = (x: Omit<RowIssue, 'row' | 'line'>): RowIssue => ({ row, line, ...x });
    if (cells.length !== header.cells.length) {
      issues.add(at({ field: '', code: 'column_count', message: `row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header names ${header.cells.length} columns; check for a stray or missing comma (quote cells that contain commas)` }));
      return;
    }
    const cell = (name: FixedColumn) => layout.fixed.has(name) ? cells[layout.fixed.get(name)!]!.trim() : '';
    const parsed = rowToPerson(cell, layout, cells);
    const own = parsed.issues.map(at);
    const checked = personIssues(parsed.person, row, known, new Map(), false).map((x) => at({ ...x, field: COLUMN_OF_FIELD[x.field] ?? x.field.replace(/^answers\./, '') }));
    issues.addAll(own);
    issues.addAll(checked.filter((x) => !own.some((o) => o.field === x.field)));
    people.push(parsed.person);
    lines.push(line);
  });
  if (rows.length === 0 && issues.count === 0) {
    issues.add({ row: 0, line: header.line, field: '', code: 'no_rows', message: 'the file has a header but no people: add one row per person below it' });
  }

  // Duplicates and the schema's own limits (lengths, ref pattern, the document's name) in one pass over all rows.
  const doc: Cohort = { schemaVersion: 1, name: options.name, ...optional('description', options.description), ...optional('policyId', options.policyId), people };
  const refs = new Map<string, number>();
  people.forEach((person, i) => issues.addAll(duplicateRef(person.ref, i + 1, refs).map((x) => ({ ...x, line: lines[i] }))));
  for (const issue of cohortSchemaIssues(doc)) {
    const { row, field } = locate(issue.path);
    const column = COLUMN_OF_FIELD[field] ?? field.replace(/^answers\./, '');
    if (row > 0 && issues.has(row, column)) continue;
    issues.add(row === 0
      ? { row: 0, field, code: issue.code, message: issue.message }
      : { row, line: lines[row - 1], field: column, code: issue.code, message: issue.message });
  }
  if (issues.count > 0) return { ok: false, issues: issues.finish().sort(byRowThenLine) };
  return encode(people, { name: options.name, description: options.description, policyId: options.policyId });
}

/**
 * The cohort as CSV with the fixed columns and one column per question, sorted, so a generated or
 * exported cohort reads back with importCohortCsv to the same people.
 */
export function cohortToCsv(cohort: EncodedCohort): string {
  const columns = [...cohort.columns].sort((a, b) => a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);
  const lines = [[...CSV_COLUMNS, ...columns.map((c) => c.questionId)].map(csvCell).join(',')];
  for (let i = 0; i < cohort.size; i++) {
    const carer = carerOf(cohort, i);
    const cost = cohort.currentAnnualCostPence[i]!;
    const cells = [
      cohort.refs[i]!, cohort.clientGroups[cohort.clientGroupOf[i]!]!, cohort.ageBands[cohort.ageBandOf[i]!]!.label,
      carer ? (carer.willingToContinue ? 'yes' : 'no') : '', carer ? (carer.ableToContinue ? 'yes' : 'no') : '',
      carer?.supportLevel ?? '', carer?.impact ?? '',
      Number.isNaN(cost) ? '' : penceToPounds(cost),
      ...columns.map((c) => { const code = c.codes[i]!; return code === 0 ? '' : c.answerIds[code - 1]!; }),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * Pounds as written by people and spreadsheets ("12345.67", "£12,345.67", "12,345") to whole pence,
 * by reading the digits: no float multiplication, so 0.29 is 29p, never 28.999…
 * Returns a reason instead when the text is not an amount of money with at most two decimals.
 */
export function parsePounds(text: string): { pence: number } | { reason: string } {
  const trimmed = text.trim();
  const match = /^(-)?£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { reason: `'${text}' is not an amount in pounds: write it like 12345.67 or £12,345.67` };
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > 2) return { reason: `'${text}' has ${fraction.length} decimal places: pounds have at most 2 (pence)` };
  if (minus) return { reason: `'${text}' is negative: an amount of money here is 0 or more` };
  const pounds = Number(whole!.replaceAll(',', ''));
  const pence = pounds * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return { reason: `'${text}' is too large to be an amount of money here` };
  return { pence };
}

/** Whole pence as plain pounds for a spreadsheet: 123456 -> "1234.56", -5 -> "-0.05". */
export function penceToPounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by both formats

interface KnownIds {
  clientGroups: Set<string> | null;
  /** question id -> the answer ids any given version accepts for it. */
  questions: Map<string, Set<string>> | null;
  carerLevels: Set<string> | null;
  carerImpacts: Set<string> | null;
}

/** The union over the given versions: a cohort may hold answers some versions ask and others do not. */
function knownIds(policies: readonly CompiledPolicy[] | undefined): KnownIds {
  if (!policies || policies.length === 0) return { clientGroups: null, questions: null, carerLevels: null, carerImpacts: null };
  const questions = new Map<string, Set<string>>();
  for (const compiled of policies) {
    for (const questionnaire of compiled.policy.questionnaires) {
      for (const question of questionnaire.questions) {
        const answers = questions.get(question.id) ?? new Set<string>();
        for (const answer of question.answers) answers.add(answer.id);
        questions.set(question.id, answers);
      }
    }
  }
  const tables = policies.flatMap((p) => p.policy.carerAdjustment ? [p.policy.carerAdjustment] : []);
  return {
    clientGroups: new Set(policies.flatMap((p) => p.policy.clientGroups.map((g) => g.id))),
    questions,
    // A version without a carer table ignores carers, so only versions with one constrain the ids.
    carerLevels: tables.length ? new Set(tables.flatMap((t) => t.supportLevels.map((l) => l.id))) : null,
    carerImpacts: tables.length ? new Set(tables.flatMap((t) => t.impacts.map((m) => m.id))) : null,
  };
}

function policyIdIssues(policyId: string | undefined, policies: readonly CompiledPolicy[] | undefined): RowIssue[] {
  if (policyId === undefined || !policies?.length || policies.some((p) => p.policy.id === policyId)) return [];
  return [{ row: 0, field: 'policyId', code: 'policy_mismatch', message: `the cohort follows scheme '${policyId}' but the versions given are of ${listOf([...new Set(policies.map((p) => p.policy.id))])}` }];
}

/** The checks the schema cannot make: a real age band, unique refs, and ids the versions know. */
function personIssues(person: unknown, row: number, known: KnownIds, refs: Map<string, number>, checkRef = true): RowIssue[] {
  if (!person || typeof person !== 'object') return [];
  const p = person as Partial<Record<keyof CohortPerson, unknown>>;
  const out: RowIssue[] = [];
  const issue = (field: string, code: string, message: string) => out.push({ row, field, code, message });
  if (checkRef && typeof p.ref === 'string') out.push(...duplicateRef(p.ref, row, refs));
  if (typeof p.ageBand === 'string' && p.ageBand !== '' && !parseAgeBand(p.ageBand)) {
    issue('ageBand', 'bad_age_band', `'${p.ageBand}' is not an age band: write whole years youngest first, like 65-74, or 85+ for an open top band (at most 130)`);
  }
  if (known.clientGroups && typeof p.clientGroup === 'string' && p.clientGroup !== '' && !known.clientGroups.has(p.clientGroup)) {
    issue('clientGroup', 'unknown_client_group', `client group '${p.clientGroup}' is not one of the versions' client groups: ${listOf([...known.clientGroups])}`);
  }
  if (known.questions && p.answers && typeof p.answers === 'object') {
    for (const [question, answer] of Object.entries(p.answers as Record<string, unknown>)) {
      const answers = known.questions.get(question);
      if (!answers) issue(`answers.${question}`, 'unknown_question', `'${question}' is not a question any of the versions asks`);
      else if (typeof answer === 'string' && answer !== '' && !answers.has(answer)) {
        issue(`answers.${question}`, 'unknown_answer', `'${answer}' is not an answer to question '${question}': valid answers are ${listOf([...answers])}`);
      }
    }
  }
  if (p.carer && typeof p.carer === 'object') {
    const carer = p.carer as Partial<CarerSituation>;
    if (known.carerLevels && typeof carer.supportLevel === 'string' && carer.supportLevel !== '' && !known.carerLevels.has(carer.supportLevel)) {
      issue('carer.supportLevel', 'unknown_support_level', `carer support level '${carer.supportLevel}' is not in the carer table: valid levels are ${listOf([...known.carerLevels])}`);
    }
    if (known.carerImpacts && typeof carer.impact === 'string' && carer.impact !== '' && !known.carerImpacts.has(carer.impact)) {
      issue('carer.impact', 'unknown_impact', `carer impact '${carer.impact}' is not in the carer table: valid impacts are ${listOf([...known.carerImpacts])}`);
    }
  }
  return out;
}

function duplicateRef(ref: string, row: number, refs: Map<string, number>): RowIssue[] {
  if (ref === '') return [];
  const first = refs.get(ref);
  if (first === undefined) {
    refs.set(ref, row);
    return [];
  }
  return [{ row, field: 'ref', code: 'duplicate_ref', message: `ref '${ref}' is already used by row ${first}: each person needs a reference of their own` }];
}

/** '/people/4/carer/impact' -> row 5, field 'carer.impact'; '/name' -> row 0, field 'name'. */
function locate(path: string): { row: number; field: string } {
  const segments = path.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (segments[0] === 'people' && segments.length >= 2 && /^\d+$/.test(segments[1]!)) {
    return { row: Number(segments[1]) + 1, field: segments.slice(2).join('.') };
  }
  return { row: 0, field: segments.join('.') };
}

function encode(people: CohortPerson[], meta: Omit<CohortMeta, 'people'>): ImportResult {
  try {
    const cohort = encodeCohort(people, people.length);
    return {
      ok: true, cohort,
      meta: { name: meta.name, ...optional('description', meta.description), ...optional('policyId', meta.policyId), people: cohort.size },
    };
  } catch (e) {
    // The encoding stores each column's values as 16-bit codes; only an absurd file exceeds that.
    return { ok: false, issues: [{ row: 0, field: '', code: 'too_many_values', message: (e as Error).message }] };
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRow {
  cells: string[];
  /** The line of the file the record starts on. */
  line: number;
}

/**
 * Records with the line each starts on. csv-parse's own line count runs ahead after a quoted line
 * break in a CRLF file, so lines are counted here from the byte offset where each record ends.
 */
function readCsv(text: string): { rows: CsvRow[] } | { issue: RowIssue } {
  const bytes = Buffer.from(text, 'utf8');
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
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
function lineBreakOffsets(bytes: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) out.push(i);
  }
  return out;
}

function countBelow(sorted: number[], value: number): number {
  let low = 0, high = sorted.length;
  while (low < high) { const mid = (low + high) >> 1; if (sorted[mid]! < value) low = mid + 1; else high = mid; }
  return low;
}

interface Layout {
  fixed: Map<FixedColumn, number>;
  questions: Array<{ id: string; index: number }>;
  issues: RowIssue[];
}

/** Column names are matched loosely ("Current annual cost", "carer_willing"), question ids exactly. */
function readHeader(cells: string[], known: KnownIds): Layout {
  const fixed = new Map<FixedColumn, number>();
  const questions: Layout['questions'] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const loose = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  cells.forEach((raw, index) => {
    const name = raw.trim();
    const issue = (code: string, message: string) => issues.push({ row: 0, field: name, code, message: `column ${index + 1} ${message}` });
    if (name === '') return issue('empty_column_name', 'has no name: name it after a question id, or remove it');
    const fixedName = CSV_COLUMNS.find((c) => loose(c) === loose(name));
    const key = fixedName ?? name;
    if (seen.has(key)) return issue('duplicate_column', `is the same column as column ${seen.get(key)! + 1}: each column may appear once`);
    seen.set(key, index);
    if (fixedName) fixed.set(fixedName, index);
    else if (known.questions && !known.questions.has(name)) {
      issue('unknown_column', `is neither one of the columns ${CSV_COLUMNS.join(', ')} nor a question any of the versions asks`);
    } else questions.push({ id: name, index });
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!fixed.has(column)) issues.push({ row: 0, field: column, code: 'missing_column', message: `the header has no '${column}' column; it is required (columns: ${CSV_COLUMNS.join(', ')} and one per question)` });
  }
  const carerColumns = CARER_COLUMNS.filter((c) => fixed.has(c));
  if (carerColumns.length > 0 && carerColumns.length < CARER_COLUMNS.length) {
    for (const column of CARER_COLUMNS.filter((c) => !fixed.has(c))) {
      issues.push({ row: 0, field: column, code: 'missing_column', message: `the header has ${carerColumns.join(', ')} but no '${column}' column: give all four carer columns or none` });
    }
  }
  return { fixed, questions, issues };
}

/** One data row as a person, and what is wrong with the cells only CSV can get wrong. */
function rowToPerson(cell: (name: FixedColumn) => string, layout: Layout, cells: string[]): { person: CohortPerson; issues: Array<Omit<RowIssue, 'row' | 'line'>> } {
  const issues: Array<Omit<RowIssue, 'row' | 'line'>> = [];
  const person: CohortPerson = { ref: cell('ref'), clientGroup: cell('clientGroup'), ageBand: cell('ageBand'), answers: {} };
  for (const column of REQUIRED_COLUMNS) {
    if (layout.fixed.has(column) && cell(column) === '') issues.push({ field: column, code: 'required', message: `${column} is empty; every person needs one` });
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
    for (const [column, value] of [['carerWilling', willing], ['carerAble', able]] as const) {
      if (value === null) issues.push({ field: column, code: 'bad_boolean', message: `'${cell(column)}' is not yes or no: write yes, no, true or false` });
    }
    if (willing !== null && able !== null) {
      person.carer = { willingToContinue: willing, ableToContinue: able, supportLevel: cell('carerSupportLevel'), impact: cell('carerImpact') };
    }
  } else if (filled.length > 0) {
    const missing = carerCells.filter(([, v]) => v === '').map(([c]) => c);
    issues.push({ field: 'carer', code: 'incomplete_carer', message: `the carer details are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty while ${filled.map(([c]) => c).join(', ')} ${filled.length === 1 ? 'is' : 'are'} filled; fill all four carer columns, or leave all four empty for no carer` });
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

/** RFC 4180 quoting, and only where needed, so plain ids stay readable. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------

/** Counts every problem, keeps the first MAX_ISSUES, and says how many more there were. */
class IssueList {
  private readonly kept: RowIssue[] = [];
  private readonly fields = new Set<string>();
  count = 0;

  add(issue: RowIssue): void {
    this.count++;
    this.fields.add(`${issue.row}|${issue.field}`);
    if (this.kept.length < MAX_ISSUES) this.kept.push(issue);
  }

  addAll(issues: readonly RowIssue[]): void {
    for (const issue of issues) this.add(issue);
  }

  has(row: number, field: string): boolean {
    return this.fields.has(`${row}|${field}`);
  }

  finish(): RowIssue[] {
    const more = this.count - this.kept.length;
    return more > 0
      ? [...this.kept, { row: 0, field: '', code: 'too_many_issues', message: `and ${more} more ${more === 1 ? 'problem' : 'problems'} not listed: fix these and check again` }]
      : [...this.kept];
  }
}

function byRowThenLine(a: RowIssue, b: RowIssue): number {
  // The "and N more" note stays last whatever its row.
  if (a.code === 'too_many_issues' || b.code === 'too_many_issues') return a.code === 'too_many_issues' ? 1 : b.code === 'too_many_issues' ? -1 : 0;
  return a.row - b.row;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function listOf(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
