/**
 * A template for a cohort CSV, made in the browser from a version's document: the heading row the
 * cohort CSV reader expects (ref, clientGroup, ageBand, the carer and cost columns, then one column
 * per question of the version, as the engine's cohort CSV writer lays them out) and one example
 * person, so the file imports as it is and shows what each column holds. Made from the document
 * alone: compiling a version checks it with generated code, which the console's security policy forbids.
 */

import { cohortCsvChunks } from '../../../engine/cohort/cohort-csv-writer.js';
import type { Policy } from '../../../engine/policy.js';

export function cohortTemplateCsv(policy: Policy): string {
  const questionIds = [...new Set(policy.questionnaires.flatMap((q) => q.questions.map((question) => question.id)))];
  const questionnaire = policy.questionnaires[0];
  if (!questionnaire) return [...cohortCsvChunks([], questionIds)].join('');
  const applies = questionnaire.appliesTo ?? {};
  const clientGroup = applies.clientGroups?.[0] ?? policy.clientGroups[0]?.id ?? '';
  // An age band covering the questionnaire's ages: adults' questionnaires start at 18 unless they say.
  const minAge = applies.minAge ?? 18;
  const ageBand = applies.maxAge === undefined ? `${minAge}+` : `${minAge}-${applies.maxAge}`;
  // Each question answered with its answer of fewest points that is not "does not apply".
  const answers = Object.fromEntries(
    questionnaire.questions.map((q) => {
      const graded = q.answers.filter((a) => !a.notApplicable);
      const least = (graded.length > 0 ? graded : q.answers).reduce((a, b) => (b.points < a.points ? b : a));
      return [q.id, least.id];
    }),
  );
  return [...cohortCsvChunks([{ ref: 'EXAMPLE-1', clientGroup, ageBand, answers }], questionIds)].join('');
}

/** The template's file name: the scheme and version it fits. */
export function cohortTemplateName(policyId: string, version: string): string {
  return `${policyId}-${version}-cohort-template.csv`;
}
