import { csvLines } from '../csv.js';
import { CSV_COLUMNS } from './csv-cohort.js';
import { carerOf, type EncodedCohort } from './encoded-cohort.js';
import { penceToPounds } from './pounds.js';

/**
 * The cohort as CSV with the fixed columns and one column per question, sorted, so a generated or
 * exported cohort reads back with importCohortCsv to the same people.
 */
export function cohortToCsv(cohort: EncodedCohort): string {
  const columns = [...cohort.columns].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const rows: string[][] = [[...CSV_COLUMNS, ...columns.map((c) => c.questionId)]];
  for (let i = 0; i < cohort.size; i++) {
    const carer = carerOf(cohort, i);
    const cost = cohort.currentAnnualCostPence[i]!;
    const cells = [
      cohort.refs[i]!,
      cohort.clientGroups[cohort.clientGroupOf[i]!]!,
      cohort.ageBands[cohort.ageBandOf[i]!]!.label,
      carer ? (carer.willingToContinue ? 'yes' : 'no') : '',
      carer ? (carer.ableToContinue ? 'yes' : 'no') : '',
      carer?.supportLevel ?? '',
      carer?.impact ?? '',
      Number.isNaN(cost) ? '' : penceToPounds(cost),
      ...columns.map((c) => {
        const code = c.codes[i]!;
        return code === 0 ? '' : c.answerIds[code - 1]!;
      }),
    ];
    rows.push(cells);
  }
  return csvLines(rows);
}
