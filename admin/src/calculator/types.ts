/**
 * The shapes of a policy document and an evaluation result the console reads: the engine's own types,
 * generated from the schemas in rules/, never a copy that could drift; and the engine's own (pure,
 * browser-safe) choice of questionnaire and count of age.
 */

import type { EvaluationResult } from '../../../engine/evaluate';
import type { ExplanationLine } from '../../../engine/explanation';
import type { Answer, Labelled, Period, Policy, Pricing, Question, Questionnaire } from '../../../engine/policy';
import { ageOn, isIsoDate } from '../../../engine/dates';
import { questionnaireFits } from '../../../engine/questionnaire';

export type { Answer, EvaluationResult, ExplanationLine, Labelled, Period, Pricing, Question, Questionnaire };
/** A policy version's document as the API serves it. */
export type PolicyDocument = Policy;

/** The questionnaire whose appliesTo fits the age and client group: the engine's own choice (step 2). */
export function questionnaireFor(doc: PolicyDocument, age: number | null, clientGroup: string): Questionnaire | null {
  if (age === null) return null;
  return doc.questionnaires.find((q) => questionnaireFits(q, age, clientGroup)) ?? null;
}

/** Whole years from a date of birth to a date, as the engine counts them; null until both are real dates in order. */
export function ageFromDateOfBirth(dateOfBirth: string, on: string): number | null {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(on)) return null;
  const years = ageOn(dateOfBirth, on);
  return years >= 0 ? years : null;
}

export const appliesToWords = (q: Questionnaire, groups: Labelled[]): string => {
  const a = q.appliesTo ?? {};
  const ages =
    a.minAge !== undefined && a.maxAge !== undefined
      ? `aged ${a.minAge} to ${a.maxAge}`
      : a.minAge !== undefined
        ? `aged ${a.minAge} or over`
        : a.maxAge !== undefined
          ? `aged ${a.maxAge} or under`
          : 'of any age';
  const who = a.clientGroups?.length ? a.clientGroups.map((g) => groups.find((x) => x.id === g)?.label ?? g).join(', ') : 'everyone';
  return `For ${who === 'everyone' ? 'people' : who} ${ages}`;
};
