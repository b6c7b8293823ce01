/**
 * Cohorts coming in from outside: a cohort.schema.json document or a CSV export from a case system,
 * checked person by person and encoded only if every row is sound. Pure: text and objects in,
 * a whole cohort or the list of problems out (never half a cohort), so the CLI and the server
 * report the same problems in the same words.
 */

import type { CompiledPolicy } from '../compile.js';
import { cohortSchemaIssues } from '../schema.js';
import type { Cohort, CohortPerson } from './cohort.js';
import { COLUMN_OF_FIELD, CSV_COLUMNS, readCsv, readHeader, rowToPerson, type FixedColumn } from './csv-cohort.js';
import { encodeCohort, type EncodedCohort } from './encoded-cohort.js';
import { duplicateRef, knownIds, personIssues, policyIdIssues } from './person-checks.js';
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
  return encode(doc.people as CohortPerson[], { name: doc.name!, description: doc.description, policyId: doc.policyId });
}

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
  if (!header)
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
      issues.add(
        at({
          field: '',
          code: 'column_count',
          message: `row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header names ${header.cells.length} columns; check for a stray or missing comma (quote cells that contain commas)`,
        }),
      );
      return;
    }
    const cell = (name: FixedColumn) => (layout.fixed.has(name) ? cells[layout.fixed.get(name)!]!.trim() : '');
    const parsed = rowToPerson(cell, layout, cells);
    const own = parsed.issues.map(at);
    const checked = personIssues(parsed.person, row, known, new Map(), false).map((x) =>
      at({ ...x, field: COLUMN_OF_FIELD[x.field] ?? x.field.replace(/^answers\./, '') }),
    );
    issues.addAll(own);
    issues.addAll(checked.filter((x) => !own.some((o) => o.field === x.field)));
    people.push(parsed.person);
    lines.push(line);
  });
  if (rows.length === 0 && issues.count === 0) {
    issues.add({
      row: 0,
      line: header.line,
      field: '',
      code: 'no_rows',
      message: 'the file has a header but no people: add one row per person below it',
    });
  }

  // Duplicates and the schema's own limits (lengths, ref pattern, the document's name) in one pass over all rows.
  const doc: Cohort = {
    schemaVersion: 1,
    name: options.name,
    ...optional('description', options.description),
    ...optional('policyId', options.policyId),
    people,
  };
  const refs = new Map<string, number>();
  people.forEach((person, i) => {
    issues.addAll(duplicateRef(person.ref, i + 1, refs).map((x) => ({ ...x, line: lines[i] })));
  });
  for (const issue of cohortSchemaIssues(doc)) {
    const { row, field } = locate(issue.path);
    const column = COLUMN_OF_FIELD[field] ?? field.replace(/^answers\./, '');
    if (row > 0 && issues.has(row, column)) continue;
    issues.add(
      row === 0
        ? { row: 0, field, code: issue.code, message: issue.message }
        : { row, line: lines[row - 1], field: column, code: issue.code, message: issue.message },
    );
  }
  if (issues.count > 0) return { ok: false, issues: issues.finish().sort(byRowThenLine) };
  return encode(people, { name: options.name, description: options.description, policyId: options.policyId });
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

function encode(people: CohortPerson[], meta: Omit<CohortMeta, 'people'>): ImportResult {
  try {
    const cohort = encodeCohort(people, people.length);
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
