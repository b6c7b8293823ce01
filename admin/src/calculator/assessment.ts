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

/** Points scored in the case-management system, for a policy that accepts them, as typed. */
export interface GivenPoints {
  mode: 'answers' | 'total' | 'domains';
  total: string;
  byDomain: Record<string, string>;
}
export const ANSWERS: GivenPoints = { mode: 'answers', total: '', byDomain: {} };

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
  given: GivenPoints;
  /** The facts the policy declares, as entered (text as typed, or a tick). */
  facts: Record<string, string | boolean>;
  /** The start of a yearly award paid pro rata (empty for none). */
  startDate: string;
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
  given,
  facts,
  startDate,
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
    ...(given.mode === 'answers' || !doc.acceptsGivenPoints?.length
      ? { ...(questionnaire ? { questionnaire: questionnaire.id } : {}), answers: chosen }
      : { points: givenPoints(given) }),
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
    ...(doc.facts?.length ? { facts: factValues(doc, facts) } : {}),
    ...(doc.award?.kind === 'yearly' && startDate ? { startDate } : {}),
  };
}

/** A number typed as digits is sent as a number; anything else as typed, for the server to name. */
const asNumber = (typed: string): number | string => (/^-?\d+(\.\d+)?$/.test(typed.trim()) ? Number(typed) : typed);

function givenPoints(given: GivenPoints) {
  if (given.mode === 'total') return { total: asNumber(given.total) };
  return {
    byDomain: Object.fromEntries(
      Object.entries(given.byDomain)
        .filter(([, v]) => v !== '')
        .map(([d, v]) => [d, asNumber(v)]),
    ),
  };
}

/** Every declared fact: ticks as true or false, numbers as numbers; a fact left empty is left out (the server names it). */
function factValues(doc: PolicyDocument, facts: Record<string, string | boolean>) {
  return Object.fromEntries(
    (doc.facts ?? []).flatMap((f): Array<[string, boolean | number | string]> => {
      const value = facts[f.id];
      if (f.type === 'boolean') return [[f.id, value === true]];
      if (typeof value !== 'string' || value.trim() === '') return [];
      return [[f.id, f.type === 'number' ? asNumber(value) : value]];
    }),
  );
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
