/**
 * A worked example pairs an assessment with the result a hand computation expects. The same files back
 * the test suite, the server's submit gate and the console's "test this draft".
 */

import { evaluate, type EvaluationResult } from './evaluate.js';
import { AssessmentInvalidError, type Issue } from './issues.js';
import type { IsoDate } from './policy.js';

export interface WorkedExpectation {
  totalPoints?: number;
  /** Null, like the period amounts, for a result without an amount (format 2). */
  allocation?: { period: string; pence: number } | null;
  weeklyPence?: number | null;
  monthlyPence?: number | null;
  annualPence?: number | null;
  /** The outcome without an amount: a band's outcome id, or 'not-eligible'; null for an amount (format 2). */
  outcome?: string | null;
  /** What the award pays, once or for the rest of the year (format 2). */
  awardPence?: number;
  carerReductionApplied?: boolean;
  flags?: string[];
}

export interface WorkedExample {
  name: string;
  asOf?: IsoDate;
  assessment: unknown;
  arithmetic?: string[];
  expect: WorkedExpectation;
}

export interface WorkedExampleOutcome {
  name: string;
  passed: boolean;
  differences: Array<{ field: keyof WorkedExpectation; expected: unknown; actual: unknown }>;
  /** Set when the example's assessment does not fit the policy. */
  issues?: Issue[];
}

const FIELDS: Record<keyof WorkedExpectation, (r: EvaluationResult) => unknown> = {
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
  const expect = Object.fromEntries(Object.entries(FIELDS).map(([field, read]) => [field, read(result)])) as WorkedExpectation;
  if (expect.awardPence === null) delete expect.awardPence;
  return expect;
}

/** Evaluates one worked example and compares every field it states with what the engine gives. */
export async function runWorkedExample(policy: unknown, example: WorkedExample): Promise<WorkedExampleOutcome> {
  let result: EvaluationResult;
  try {
    result = await evaluate(policy, example.assessment, example.asOf ? { asOf: example.asOf } : {});
  } catch (e) {
    if (e instanceof AssessmentInvalidError) return { name: example.name, passed: false, differences: [], issues: e.issues };
    throw e;
  }
  const differences = (Object.keys(example.expect) as Array<keyof WorkedExpectation>)
    .filter((field) => field in FIELDS)
    .map((field) => ({ field, expected: example.expect[field], actual: FIELDS[field](result) }))
    .filter((d) => JSON.stringify(d.expected) !== JSON.stringify(d.actual));
  return { name: example.name, passed: differences.length === 0, differences };
}
