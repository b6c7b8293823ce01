import { CSV_COLUMNS } from './csv-cohort.js';
import { carerOf, type EncodedCohort } from './encoded-cohort.js';
import { penceToPounds } from './pounds.js';

/**
 * The cohort as CSV with the fixed columns and one column per question, sorted, so a generated or
 * exported cohort reads back with importCohortCsv to the same people.
 */
export function cohortToCsv(cohort: EncodedCohort): string {
  const columns = [...cohort.columns].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const lines = [[...CSV_COLUMNS, ...columns.map((c) => c.questionId)].map(csvCell).join(',')];
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
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 quoting, and only where needed, so plain ids stay readable. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
