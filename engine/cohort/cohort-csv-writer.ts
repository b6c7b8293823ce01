import { csvLines, type CsvCell } from '../csv.js';
import type { CohortPerson } from './cohort.js';
import { CSV_COLUMNS } from './csv-cohort.js';
import { decodePerson, type EncodedCohort } from './encoded-cohort.js';
import { penceToPounds } from './pounds.js';

/** Rows written at a time: a million-person cohort goes out in pieces, never as one string. */
const ROWS_PER_CHUNK = 10_000;

/**
 * The cohort as CSV with the fixed columns and one column per question answered, sorted, so an
 * exported cohort reads back with importCohortCsv to the same people.
 */
export function cohortToCsv(cohort: EncodedCohort): string {
  const questionIds = cohort.columns.map((c) => c.questionId);
  const people = (function* () {
    for (let i = 0; i < cohort.size; i++) yield decodePerson(cohort, i);
  })();
  return [...cohortCsvChunks(people, questionIds)].join('');
}

/**
 * People as CSV text in chunks as they come (a generated cohort is written while it is generated):
 * the header, the fixed columns and one column per question id (sorted), then one row per person.
 */
export function* cohortCsvChunks(people: Iterable<CohortPerson>, questionIds: readonly string[]): Generator<string> {
  const columns = [...questionIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let rows: CsvCell[][] = [[...CSV_COLUMNS, ...columns]];
  for (const person of people) {
    rows.push(csvRow(person, columns));
    if (rows.length === ROWS_PER_CHUNK) {
      yield csvLines(rows);
      rows = [];
    }
  }
  if (rows.length > 0) yield csvLines(rows);
}

function csvRow(person: CohortPerson, columns: readonly string[]): CsvCell[] {
  const { carer } = person;
  return [
    person.ref,
    person.clientGroup,
    person.ageBand,
    carer ? (carer.willingToContinue ? 'yes' : 'no') : '',
    carer ? (carer.ableToContinue ? 'yes' : 'no') : '',
    carer?.supportLevel ?? '',
    carer?.impact ?? '',
    person.currentAnnualCostPence === undefined ? '' : penceToPounds(person.currentAnnualCostPence),
    ...columns.map((id) => person.answers[id] ?? ''),
  ];
}
