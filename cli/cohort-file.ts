import { basename, extname } from 'node:path';
import {
  csvLineEnd,
  importCohortCsvStream,
  importCohortJson,
  type ImportResult,
  type CohortMeta,
  type CompiledPolicy,
  type EncodedCohort,
  type RowIssue,
} from '../engine/index.js';
import { readUtf8Start, utf8Stream } from '../server/utf8-file.js';
import { InvalidInputError } from './invalid-input.js';
import { InputError, readTextFile, unreadable } from './read-json.js';

export interface LoadedCohort {
  cohort: EncodedCohort;
  meta: CohortMeta;
}

/**
 * Reads a cohort as CSV or as a cohort.schema.json document (by extension, else by its first
 * character) and checks it against the given versions. Bad rows are reported together (exit 1).
 */
export async function readCohortFile(file: string, policies: readonly CompiledPolicy[] = []): Promise<LoadedCohort> {
  const start = await firstCharacters(file);
  const csv = isCsv(file, start);
  let result: ImportResult;
  if (csv) {
    // Streamed: a million-row file is read record by record into the encoded cohort.
    const options = { name: basename(file, extname(file)), policies: [...policies], lineEnd: csvLineEnd(start) };
    result = await importCohortCsvStream(utf8Stream(file), options).catch((e) => {
      throw unreadable(file, e);
    });
  } else {
    const text = await readTextFile(file);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    result = importCohortJson(json, { policies: [...policies] });
  }
  if (!result.ok) throw new InvalidInputError(formatRowIssues(file, result.issues, csv));
  return { cohort: result.cohort, meta: result.meta };
}

/** Enough of the file to tell JSON from CSV when its name does not say, and a CSV file's line end. */
async function firstCharacters(file: string): Promise<string> {
  try {
    return await readUtf8Start(file);
  } catch (e) {
    throw unreadable(file, e);
  }
}

function isCsv(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return true;
  if (ext === '.json') return false;
  return !/^\uFEFF?\s*[{[]/.test(text);
}

/** "file: row 3, line 5, ageBand: message"; header and document problems say so instead of row 0. */
export function formatRowIssues(file: string, issues: readonly RowIssue[], csv: boolean): string {
  const lines = issues.map((i) => {
    if (i.code === 'too_many_issues') return `${file}: ${i.message}`;
    const where =
      i.row === 0
        ? [csv ? 'header' : 'document', ...(i.line !== undefined ? [`line ${i.line}`] : [])]
        : [`row ${i.row}`, ...(i.line !== undefined ? [`line ${i.line}`] : [])];
    return `${file}: ${[...where, ...(i.field ? [i.field] : [])].join(', ')}: ${i.message}`;
  });
  const more = issues.some((i) => i.code === 'too_many_issues');
  const count = issues.length;
  return `${lines.join('\n')}\n${file}: invalid cohort, ${more ? `more than ${count - 1}` : count} ${count === 1 ? 'problem' : 'problems'}`;
}
