import { CsvText, type CsvCell } from '../csv.js';
import type { CohortPerson } from './cohort.js';
import { CSV_COLUMNS } from './csv-cohort.js';
import { decodePerson, type EncodedCohort } from './encoded-cohort.js';
import { plainPounds } from '../words/money.js';

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
  const text = new CsvText();
  text.add([...CSV_COLUMNS, ...columns]);
  // One row's cells, filled again for each person.
  const row: CsvCell[] = new Array<CsvCell>(CSV_COLUMNS.length + columns.length).fill('');
  for (const person of people) {
    fillRow(row, person, columns);
    text.add(row);
    if (text.records === ROWS_PER_CHUNK) yield text.take();
  }
  if (text.records > 0) yield text.take();
}

const FIXED = CSV_COLUMNS.length;

/** The fixed columns in CSV_COLUMNS' order, then each question's answer. */
function fillRow(row: CsvCell[], person: CohortPerson, columns: readonly string[]): void {
  const { carer } = person;
  row[0] = person.ref;
  row[1] = person.clientGroup;
  row[2] = person.ageBand;
  row[3] = carer ? (carer.willingToContinue ? 'yes' : 'no') : '';
  row[4] = carer ? (carer.ableToContinue ? 'yes' : 'no') : '';
  row[5] = carer?.supportLevel ?? '';
  row[6] = carer?.impact ?? '';
  row[7] = person.currentAnnualCostPence === undefined ? '' : plainPounds(person.currentAnnualCostPence);
  for (let k = 0; k < columns.length; k++) row[FIXED + k] = person.answers[columns[k]!] ?? '';
}
