/**
 * Cohorts coming in from outside: a cohort.schema.json document or a CSV export from a case system,
 * checked person by person and encoded only if every row is sound. Pure: text and objects in,
 * a whole cohort or the list of problems out (never half a cohort), so the CLI and the server
 * report the same problems in the same words.
 */

import type { CompiledPolicy } from '../compile.js';
import { cohortSchema, cohortSchemaIssues } from '../schema.js';
import { PersonCellChecks, type FieldIssue } from './cell-checks.js';
import type { Cohort, CohortPerson } from './cohort.js';
import { COLUMN_OF_FIELD, CSV_COLUMNS, readHeader, rowToPerson, type Layout } from './csv-cohort.js';
import { readCsvStream, readCsvText, type CsvLineEnd, type CsvTextStream } from './csv-records.js';
import { type AnswerColumnHandle, CohortColumnLimit, CohortEncoder, encodeCohort, type EncodedCohort } from './encoded-cohort.js';
import { knownIds, personIssues, policyIdIssues, type KnownIds } from './person-checks.js';
import { byRowThenLine, IssueList, type RowIssue } from './row-issues.js';

export interface CohortMeta {
  name: string;
  description?: string;
  policyId?: string;
  people: number;
}

export type ImportResult = { ok: true; cohort: EncodedCohort; meta: CohortMeta } | { ok: false; issues: RowIssue[] };

export interface ImportOptions {
  /** Versions the cohort will be evaluated under: ids and answers must be known to at least one. */
  policies?: readonly CompiledPolicy[];
}

export interface CsvImportOptions extends ImportOptions {
  name: string;
  description?: string;
  policyId?: string;
}

export interface CsvStreamOptions extends CsvImportOptions {
  /** The file's line end, found by csvLineEnd() from its start. */
  lineEnd: CsvLineEnd;
}

/**
 * Checks a cohort.schema.json document and encodes it.
 * @example
 *   const result = importCohortJson(JSON.parse(text), { policies: [compiled] });
 *   if (!result.ok) for (const i of result.issues) console.log(`row ${i.row} ${i.field}: ${i.message}`);
 */
export function importCohortJson(json: unknown, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const byRow = new Map<number, RowIssue[]>();
  const schemaIssues = cohortSchemaIssues(json);
  // Too deep, or not Unicode: nothing else may walk the document.
  const shape = schemaIssues.find((i) => i.code === 'too_deep' || i.code === 'not_unicode');
  if (shape) return { ok: false, issues: [{ ...locate(shape.path), code: shape.code, message: shape.message }] };
  for (const issue of schemaIssues) {
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
  const people = doc.people as CohortPerson[];
  return encoded(() => encodeCohort(people, people.length), { name: doc.name!, description: doc.description, policyId: doc.policyId });
}

/**
 * Checks a CSV cohort (header row required) and encodes it. Problems carry the data row number and
 * the line of the file the row starts on; header problems are row 0, line 1.
 * @example
 *   importCohortCsv('ref,clientGroup,ageBand,pc-washing\nA-1,older-people,75-84,some-help\n', { name: 'Pilot' });
 */
export function importCohortCsv(text: string, options: CsvImportOptions): ImportResult {
  const reading = new CsvCohortImport(options);
  return reading.finish(readCsvText(text, (cells, line) => reading.record(cells, line)));
}

/**
 * The same import from a stream of text (a file, an upload), one record at a time: memory holds the
 * encoded cohort and the first problems, never the file or a million people as objects.
 */
export async function importCohortCsvStream(stream: CsvTextStream, options: CsvStreamOptions): Promise<ImportResult> {
  const reading = new CsvCohortImport(options);
  return reading.finish(await readCsvStream(stream, options.lineEnd, (cells, line) => reading.record(cells, line)));
}

/** The cohort schema's limits on people and on a person's answers, which a streamed file is held to as it is read. */
const MAX_PEOPLE = cohortSchema.properties.people.maxItems;
const MAX_ANSWERS = cohortSchema.$defs.person.properties.answers.maxProperties;

/** Every row checked as it arrives and, while the file is sound, encoded at once. */
class CsvCohortImport {
  private readonly issues = new IssueList();
  private readonly known: KnownIds;
  private readonly encoder = new CohortEncoder();
  private readonly checks: PersonCellChecks;
  private header: { cells: string[]; line: number; layout: Layout } | null = null;
  /** Per question column of the header: the encoder's column, this row's code, and each distinct cell's verdict and code. */
  private columns: AnswerColumnHandle[] = [];
  private codes = new Int32Array(0);
  private answers: Array<CellsSeen<{ issues: readonly FieldIssue[]; code: number }>> = [];
  private rows = 0;

  constructor(private readonly options: CsvImportOptions) {
    this.known = knownIds(options.policies);
    this.checks = new PersonCellChecks(this.known);
  }

  record(cells: string[], line: number): void {
    if (!this.header) {
      this.readHeader(cells, line);
      return;
    }
    // Cells mean what the header says they mean: with a wrong header, row problems would only be noise.
    if (this.header.layout.issues.length > 0) return;
    const row = ++this.rows;
    if (row > MAX_PEOPLE) return;
    this.readRow(cells, row, line, this.header);
  }

  finish(readIssue: RowIssue | null): ImportResult {
    if (readIssue) return { ok: false, issues: [readIssue] };
    const { issues, options } = this;
    if (!this.header)
      return {
        ok: false,
        issues: [
          {
            row: 0,
            line: 1,
            field: '',
            code: 'no_header',
            message: `the file is empty: the first line must name the columns (${CSV_COLUMNS.join(', ')} and one column per question)`,
          },
        ],
      };
    if (this.header.layout.issues.length > 0) return { ok: false, issues: issues.finish() };
    if (this.rows === 0 && issues.count === 0) {
      issues.add({
        row: 0,
        line: this.header.line,
        field: '',
        code: 'no_rows',
        message: 'the file has a header but no people: add one row per person below it',
      });
    }
    if (this.rows > MAX_PEOPLE) {
      issues.add({
        row: 0,
        field: '',
        code: 'too_many_people',
        message: `the file has ${this.rows.toLocaleString('en-GB')} people; a cohort holds at most ${MAX_PEOPLE.toLocaleString('en-GB')}`,
      });
    }
    // The document's own fields (name, description, scheme) against the schema, with no people to walk.
    const head = {
      schemaVersion: 1,
      name: options.name,
      ...optional('description', options.description),
      ...optional('policyId', options.policyId),
      people: [],
    };
    for (const issue of cohortSchemaIssues(head))
      issues.add({ row: 0, field: locate(issue.path).field, code: issue.code, message: issue.message });
    if (issues.count > 0) return { ok: false, issues: issues.finish().sort(byRowThenLine) };
    return encoded(() => this.encoder.finish(), options);
  }

  private readHeader(cells: string[], line: number): void {
    const layout = readHeader(cells, this.known);
    this.columns = layout.questions.map((q) => this.encoder.answerColumn(q.id));
    this.codes = new Int32Array(layout.questions.length);
    this.answers = layout.questions.map(() => new CellsSeen());
    layout.issues.push(...policyIdIssues(this.options.policyId, this.options.policies));
    if (layout.questions.length > MAX_ANSWERS)
      layout.issues.push({
        row: 0,
        field: '',
        code: 'too_many_columns',
        message: `the header names ${layout.questions.length.toLocaleString('en-GB')} question columns; a person has at most ${MAX_ANSWERS.toLocaleString('en-GB')} answers`,
      });
    this.header = { cells, line, layout };
    this.issues.addAll(layout.issues.map((x) => ({ ...x, line })));
  }

  private readRow(cells: string[], row: number, line: number, header: { cells: string[]; layout: Layout }): void {
    const { issues } = this;
    if (cells.length !== header.cells.length) {
      issues.add(
        at(row, line, {
          field: '',
          code: 'column_count',
          message: `the row has ${cells.length.toLocaleString('en-GB')} ${cells.length === 1 ? 'value' : 'values'} but the heading row names ${header.cells.length.toLocaleString('en-GB')} columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes`,
        }),
      );
      return;
    }
    const parsed = rowToPerson(cells, header.layout);
    const found = this.checks.issues(parsed.person, row);
    const answerIssues = this.codeAnswers(cells, header.layout);
    if (parsed.issues.length > 0 || found.length > 0 || answerIssues.length > 0) {
      const own = parsed.issues.map((x) => at(row, line, x));
      const spoken = new Set(own.map((x) => x.field));
      for (const x of [...found, ...answerIssues]) {
        const field = COLUMN_OF_FIELD[x.field] ?? x.field.replace(/^answers\./, '');
        if (!spoken.has(field)) own.push(at(row, line, { ...x, field }));
        spoken.add(field);
      }
      issues.addAll(own);
    }
    // Once the file is known to be bad there is no cohort to build: only problems to find.
    if (issues.count === 0) {
      try {
        this.encoder.addCoded(parsed.person, this.columns, this.codes);
      } catch (e) {
        if (!(e instanceof CohortColumnLimit)) throw e;
        issues.add(at(row, line, { field: e.column, code: 'too_many_values', message: e.message }));
      }
    }
  }

  /**
   * The row's answers as the encoder's codes, into `codes`: each distinct cell of a column is checked
   * and coded once, then found by its text. Returns the answers' problems.
   */
  private codeAnswers(cells: readonly string[], layout: Layout): FieldIssue[] {
    const found: FieldIssue[] = [];
    const { questions } = layout;
    for (let k = 0; k < questions.length; k++) {
      const text = cells[questions[k]!.index]!.trim();
      if (text === '') {
        this.codes[k] = 0;
        continue;
      }
      const cellsSeen = this.answers[k]!;
      let seen = cellsSeen.find(text);
      if (!seen) {
        const issues = this.checks.answerIssues(questions[k]!.id, text);
        seen = { issues, code: issues.length === 0 ? this.encoder.answerCode(this.columns[k]!, text) : 0 };
        cellsSeen.add(text, seen);
      }
      for (const issue of seen.issues) found.push(issue);
      this.codes[k] = seen.code;
    }
    return found;
  }
}

/**
 * The distinct cells of one column and what each means. A question has a handful of answers, and
 * comparing a new cell's text with each is quicker than hashing it; a column with many distinct
 * cells is looked up by hash instead.
 */
class CellsSeen<T> {
  private readonly texts: string[] = [];
  private readonly values: T[] = [];
  private byText: Map<string, T> | null = null;

  find(text: string): T | undefined {
    if (this.byText) return this.byText.get(text);
    const { texts } = this;
    for (let j = 0; j < texts.length; j++) if (texts[j] === text) return this.values[j];
    return undefined;
  }

  add(text: string, value: T): void {
    if (this.byText) {
      this.byText.set(text, value);
      return;
    }
    this.texts.push(text);
    this.values.push(value);
    if (this.texts.length > FEW_CELLS) this.byText = new Map(this.texts.map((t, j) => [t, this.values[j]!]));
  }
}

const FEW_CELLS = 16;

function at(row: number, line: number, issue: FieldIssue): RowIssue {
  return { row, line, ...issue };
}

/** '/people/4/carer/impact' -> row 5, field 'carer.impact'; '/name' -> row 0, field 'name'. */
function locate(path: string): { row: number; field: string } {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (segments[0] === 'people' && segments.length >= 2 && /^\d+$/.test(segments[1]!)) {
    return { row: Number(segments[1]) + 1, field: segments.slice(2).join('.') };
  }
  return { row: 0, field: segments.join('.') };
}

function encoded(build: () => EncodedCohort, meta: Omit<CohortMeta, 'people'>): ImportResult {
  try {
    const cohort = build();
    return {
      ok: true,
      cohort,
      meta: { name: meta.name, ...optional('description', meta.description), ...optional('policyId', meta.policyId), people: cohort.size },
    };
  } catch (e) {
    // The encoding stores each column's values as 16-bit codes; only an absurd file exceeds that.
    return { ok: false, issues: [{ row: 0, field: '', code: 'too_many_values', message: (e as Error).message }] };
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
