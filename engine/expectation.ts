/**
 * What a worked example states of a result, and how each statement is read from one: apart from the
 * evaluation itself, so the console can build an expectation without bundling the validator.
 */

import type { EvaluationResult } from './evaluate.js';

export interface WorkedExpectation {
  totalPoints?: number;
  /** Null, like the period amounts, for a result without an amount. */
  allocation?: { period: string; pence: number } | null;
  weeklyPence?: number | null;
  monthlyPence?: number | null;
  annualPence?: number | null;
  /** The outcome without an amount: a band's outcome id, or 'not-eligible'; null for an amount. */
  outcome?: string | null;
  /** What the award pays, once or for the rest of the year. */
  awardPence?: number;
  carerReductionApplied?: boolean;
  flags?: string[];
}

export const EXPECTED_FIELDS: Record<keyof WorkedExpectation, (r: EvaluationResult) => unknown> = {
  totalPoints: (r) => r.points.total,
  allocation: (r) => r.allocation,
  weeklyPence: (r) => r.weeklyPence,
  monthlyPence: (r) => r.monthlyPence,
  annualPence: (r) => r.annualPence,
  outcome: (r) => (r.outcome ? (r.outcome.kind === 'not-eligible' ? 'not-eligible' : r.outcome.id) : null),
  awardPence: (r) => r.award?.pence ?? null,
  carerReductionApplied: (r) => r.carerAdjustment.applied,
  flags: (r) => r.flags.map((f) => f.code),
};

/**
 * What a worked example of this result expects: every figure the result gives, so any change to any of
 * them is seen (the award only when there is one: a worked example states no null award).
 */
export function expectationOf(result: EvaluationResult): WorkedExpectation {
  const expect = Object.fromEntries(Object.entries(EXPECTED_FIELDS).map(([field, read]) => [field, read(result)])) as WorkedExpectation;
  if (expect.awardPence === null) delete expect.awardPence;
  return expect;
}
