/**
 * The shapes of a policy document and an evaluation result the console reads: the engine's own types
 * (imported as types only, so no engine code reaches the browser), never a copy that could drift.
 */

import type { EvaluationResult } from '../../../engine/evaluate';
import type { ExplanationLine } from '../../../engine/explanation';
import type { Answer, Labelled, Period, Policy, Pricing, Question, Questionnaire } from '../../../engine/policy';

export type { Answer, EvaluationResult, ExplanationLine, Labelled, Period, Pricing, Question, Questionnaire };
/** A policy version's document as the API serves it. */
export type PolicyDocument = Policy;

/** The questionnaire whose appliesTo fits the age and client group (the engine's rule, step 2). */
export function questionnaireFor(doc: PolicyDocument, age: number | null, clientGroup: string): Questionnaire | null {
  if (age === null) return null;
  return (
    doc.questionnaires.find((q) => {
      const a = q.appliesTo ?? {};
      return (
        (a.minAge === undefined || age >= a.minAge) &&
        (a.maxAge === undefined || age <= a.maxAge) &&
        (!a.clientGroups || a.clientGroups.includes(clientGroup))
      );
    }) ?? null
  );
}

/** Whole years from a date of birth to a date, as the engine counts them. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return null;
  let years = Number(d[1]) - Number(b[1]);
  if (Number(d[2]) < Number(b[2]) || (Number(d[2]) === Number(b[2]) && Number(d[3]) < Number(b[3]))) years--;
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
