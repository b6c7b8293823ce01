/** The assessment the calculator sends to the server, built from what has been entered so far. */

import { parsePounds } from '../../../engine/cohort/pounds';
import type { PolicyDocument, Questionnaire } from './types';

export interface CarerState {
  present: boolean;
  willing: '' | 'yes' | 'no';
  able: '' | 'yes' | 'no';
  supportLevel: string;
  impact: string;
}
export const NO_CARER: CarerState = { present: false, willing: '', able: '', supportLevel: '', impact: '' };

export type AgeMode = 'age' | 'dob';

export interface AssessmentInputs {
  doc: PolicyDocument | null;
  clientGroup: string;
  assessmentDate: string;
  ageMode: AgeMode;
  age: string;
  dob: string;
  questionnaire: Questionnaire | null;
  answers: Record<string, string>;
  carer: CarerState;
  /** The amount requested, in pounds as typed, for a policy that pays the lesser (empty for none). */
  requested: string;
  /** The person's assessed contribution, in pounds as typed, for a policy that splits by it (empty for none). */
  contribution: string;
}

/** Null until there is enough to ask for an allocation; only answers to the questionnaire that applies are sent. */
export function buildAssessment({
  doc,
  clientGroup,
  assessmentDate,
  ageMode,
  age,
  dob,
  questionnaire,
  answers,
  carer,
  requested,
  contribution,
}: AssessmentInputs) {
  if (!doc || !clientGroup || !assessmentDate) return null;
  if (ageMode === 'age' ? age === '' : dob === '') return null;
  const chosen = questionnaire
    ? Object.fromEntries(Object.entries(answers).filter(([q]) => questionnaire.questions.some((x) => x.id === q)))
    : answers;
  return {
    assessmentDate,
    ...(ageMode === 'age' ? { age: /^\d+$/.test(age) ? Number(age) : age } : { dateOfBirth: dob }),
    clientGroup,
    ...(questionnaire ? { questionnaire: questionnaire.id } : {}),
    answers: chosen,
    ...(carer.present
      ? {
          carer: {
            willingToContinue: carer.willing === 'yes',
            ableToContinue: carer.able === 'yes',
            supportLevel: carer.supportLevel,
            impact: carer.impact,
          },
        }
      : {}),
    ...(doc.lesserOfRequested ? amountInput('requested', doc, clientGroup, requested) : {}),
    ...(doc.contribution ? amountInput('contribution', doc, clientGroup, contribution) : {}),
  };
}

/** In pence, for the period of the person's table; an amount that is not pounds is sent as typed, for the server to name. */
function amountInput(key: 'requested' | 'contribution', doc: PolicyDocument, clientGroup: string, typed: string) {
  if (typed.trim() === '') return {};
  const period = (doc.pricing.byClientGroup?.[clientGroup] ?? doc.pricing.default).period;
  const parsed = parsePounds(typed);
  return { [key]: { pence: 'pence' in parsed ? parsed.pence : typed, period } };
}

export const isCarerIncomplete = (carer: CarerState) =>
  carer.present && (!carer.willing || !carer.able || !carer.supportLevel || !carer.impact);
