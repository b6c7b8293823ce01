/**
 * Policies whose totals can be dialled exactly, for tests about what happens at a given number of points.
 * Each domain gets three required questions, "<domain>-hundreds", "<domain>-tens" and "<domain>-units",
 * whose answers "p<N>" score N points, so any whole total from 0 to 999 per domain can be answered.
 */

import type { Assessment, Domain, EvaluationResult, ExplanationLine, Policy, Question } from '../../engine/index.js';
import { baseAssessment, basePolicy } from './policy-builder.js';

const DIGITS = [
  ['hundreds', 100],
  ['tens', 10],
  ['units', 1],
] as const;

export const SCORING_DOMAINS: Domain[] = [
  { id: 'personal-care', label: 'Personal care' },
  { id: 'health', label: 'Health' },
];

/** The three digit questions of one domain. */
export function digitQuestions(domain: string): Question[] {
  return DIGITS.map(([name, place]) => ({
    id: `${domain}-${name}`,
    domain,
    text: `${domain} (${name})`,
    answers: Array.from({ length: 10 }, (_, digit) => ({
      id: `p${digit * place}`,
      text: `${digit * place} points`,
      points: digit * place,
    })),
  }));
}

/** basePolicy with a digit questionnaire over its domains (SCORING_DOMAINS unless overridden). */
export function scoringPolicy(overrides: Partial<Policy> = {}): Policy {
  const domains = overrides.domains ?? SCORING_DOMAINS;
  return basePolicy({
    domains,
    questionnaires: [{ id: 'adults', label: 'Adults', questions: domains.flatMap((d) => digitQuestions(d.id)) }],
    ...overrides,
  });
}

/** Answers scoring the given raw points in each domain (0 for a domain not listed). */
export function answersScoring(points: Record<string, number>, domains: readonly Domain[] = SCORING_DOMAINS): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const { id } of domains) {
    const n = points[id] ?? 0;
    if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`a digit questionnaire scores 0 to 999 points, not ${n}`);
    for (const [name, place] of DIGITS) answers[`${id}-${name}`] = `p${(Math.floor(n / place) % 10) * place}`;
  }
  return answers;
}

/** baseAssessment answering a scoring policy with these raw points by domain. */
export function scoringAssessment(
  points: Record<string, number>,
  overrides: Partial<Assessment> = {},
  domains: readonly Domain[] = SCORING_DOMAINS,
): Assessment {
  return baseAssessment({ answers: answersScoring(points, domains), ...overrides });
}

export type LineOf<S extends ExplanationLine['step']> = Extract<ExplanationLine, { step: S }>;

/** Every explanation line of one step, in order. */
export function linesOf<S extends ExplanationLine['step']>(result: EvaluationResult, step: S): LineOf<S>[] {
  return result.explanation.filter((l): l is LineOf<S> => l.step === step);
}

/** The one explanation line of a step; fails if there is not exactly one. */
/** The pricing line of a result that has an amount (a band's outcome without one fails the test). */
export function pricedLine(result: EvaluationResult): Extract<LineOf<'pricing'>, { pence: number }> {
  const line = lineOf(result, 'pricing');
  if (!('pence' in line)) throw new Error(`expected a priced band, got the outcome '${line.outcome.id}'`);
  return line;
}

export function lineOf<S extends ExplanationLine['step']>(result: EvaluationResult, step: S): LineOf<S> {
  const lines = linesOf(result, step);
  if (lines.length !== 1) throw new Error(`expected one '${step}' line, found ${lines.length}`);
  return lines[0]!;
}
