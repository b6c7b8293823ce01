/**
 * A worked example pairs an assessment with the result a hand computation expects. The same files back
 * the test suite, the server's submit gate and the console's "test this draft".
 */

import { evaluate, type EvaluationResult } from './evaluate.js';
import { EXPECTED_FIELDS, type WorkedExpectation } from './expectation.js';

export { expectationOf, type WorkedExpectation } from './expectation.js';
import { AssessmentInvalidError, type Issue } from './issues.js';
import type { IsoDate } from './policy.js';

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

/** Evaluates one worked example and compares every field it states with what the engine gives. */
export function runWorkedExample(policy: unknown, example: WorkedExample): WorkedExampleOutcome {
  let result: EvaluationResult;
  try {
    result = evaluate(policy, example.assessment, example.asOf ? { asOf: example.asOf } : {});
  } catch (e) {
    if (e instanceof AssessmentInvalidError) return { name: example.name, passed: false, differences: [], issues: e.issues };
    throw e;
  }
  const differences = (Object.keys(example.expect) as Array<keyof WorkedExpectation>)
    .filter((field) => field in EXPECTED_FIELDS)
    .map((field) => ({ field, expected: example.expect[field], actual: EXPECTED_FIELDS[field](result) }))
    .filter((d) => JSON.stringify(d.expected) !== JSON.stringify(d.actual));
  return { name: example.name, passed: differences.length === 0, differences };
}
