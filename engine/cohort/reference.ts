import type { Assessment } from '../assessment.js';
import type { CompiledPolicy } from '../compile.js';
import type { IsoDate } from '../policy.js';
import { selectQuestionnaire } from '../questionnaire.js';
import { parseAgeBand, type CohortPerson } from './cohort.js';

/**
 * A cohort person as an assessment for one version, dated `asOf`: aged at the bottom of their age
 * band, and answering only the questions of the questionnaire that version gives them (a cohort may
 * hold answers to questions another version asks). This is what the fast path must agree with.
 */
export function assessmentFor(compiled: CompiledPolicy, person: CohortPerson, asOf: IsoDate): Assessment {
  const age = parseAgeBand(person.ageBand)?.min ?? 0;
  const questionnaire = selectQuestionnaire(compiled.questionnaires, age, person.clientGroup);
  const answers = questionnaire
    ? Object.fromEntries(Object.entries(person.answers).filter(([q]) => questionnaire.questions.has(q)))
    : { ...person.answers };
  return {
    reference: person.ref,
    assessmentDate: asOf,
    age,
    clientGroup: person.clientGroup,
    answers,
    ...(person.carer ? { carer: person.carer } : {}),
  };
}
