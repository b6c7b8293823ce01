/**
 * Eligibility conditions, in json-rules-engine's condition format: a person who does
 * not meet one is "not eligible", with the reason in the policy's words, and no amount. Conditions may
 * test facts the case system states in the assessment (declared by the policy), never the amounts.
 */

import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError, evaluate, explain, type Policy, validatePolicy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

const ONE_A_YEAR = {
  id: 'no-award-this-year',
  label: 'No award yet this financial year',
  conditions: { all: [{ fact: 'facts', path: '$.awards-this-year', operator: 'lessThan' as const, value: 1 }] },
  reason: 'One award can be made in a financial year, and one has been made.',
};
const ADULT = {
  id: 'adult',
  label: 'Aged 18 or over',
  conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive' as const, value: 18 }] },
  reason: 'This scheme is for adults.',
};

const policy = (overrides: Partial<Policy> = {}): Policy =>
  basePolicy({
    schemaVersion: 2,
    facts: [{ id: 'awards-this-year', label: 'Awards made this financial year', type: 'number' }],
    eligibility: [ADULT, ONE_A_YEAR],
    ...overrides,
  });

const assessment = (awards: unknown, age = 70) => baseAssessment({ age, facts: { 'awards-this-year': awards as number } });

describe('eligibility conditions', () => {
  it('when all are met, the amount is worked out as usual (15 points × 488p = 7 320p a week)', () => {
    const result = evaluate(policy(), assessment(0));
    expect(result.outcome).toBeUndefined();
    expect(result.weeklyPence).toBe(7320);
    expect(lineOf(result, 'periods')).toBeDefined();
    expect(result.explanation.filter((l) => l.step === 'eligibility').map((l) => [l.condition, l.met])).toEqual([
      ['adult', true],
      ['no-award-this-year', true],
    ]);
  });

  it('when one is not met: not eligible, with its reason, and no amount', () => {
    const result = evaluate(policy(), assessment(1));
    expect(result.outcome).toEqual({
      kind: 'not-eligible',
      reasons: [{ condition: 'no-award-this-year', label: 'No award yet this financial year', reason: ONE_A_YEAR.reason }],
    });
    expect(result.allocation).toBeNull();
    expect(result.annualPence).toBeNull();
    // Not priced at all: no table, no pricing line.
    expect(result.explanation.map((l) => l.step)).not.toContain('pricing');
    const words = explain(result);
    expect(words).toContain(`No award yet this financial year: not met. ${ONE_A_YEAR.reason}`);
    expect(words).toContain('So you are not eligible for this scheme, and no amount is worked out.');
  });

  it('gives every reason that applies, in the policy order', () => {
    const result = evaluate(policy(), assessment(2, 16));
    expect(result.outcome?.kind === 'not-eligible' && result.outcome.reasons.map((r) => r.condition)).toEqual([
      'adult',
      'no-award-this-year',
    ]);
  });

  it('explain each condition as json-rules-engine tested it: the fact, its value, the operator and the value', () => {
    const result = evaluate(policy(), assessment(1));
    const line = result.explanation.find((l) => l.step === 'eligibility' && l.condition === 'no-award-this-year');
    expect(line).toMatchObject({
      met: false,
      conditions: {
        all: [{ fact: 'facts', path: '$.awards-this-year', operator: 'lessThan', value: 1, factValue: 1, result: false }],
        result: false,
      },
    });
  });
});

describe('facts stated in the assessment', () => {
  const issues = (facts: unknown) => {
    const e = thrown(() => evaluate(policy(), baseAssessment({ facts: facts as Record<string, number> })));
    expect(e).toBeInstanceOf(AssessmentInvalidError);
    return (e as AssessmentInvalidError).issues.map((i) => [i.code, i.path, i.message]);
  };

  it('must include every fact the policy declares', () => {
    expect(issues({})).toEqual([
      ['fact_missing', '/facts', "state 'awards-this-year' (Awards made this financial year), a number: this policy's conditions test it"],
    ]);
  });

  it('must be of the declared type', () => {
    expect(issues({ 'awards-this-year': 'none' })).toEqual([
      ['fact_type', '/facts/awards-this-year', '\'awards-this-year\' (Awards made this financial year) is a number, but "none" was given'],
    ]);
  });

  it('may not include a fact the policy does not declare', () => {
    expect(issues({ 'awards-this-year': 0, 'hours-caring': 40 })).toEqual([
      ['fact_not_declared', '/facts/hours-caring', "'hours-caring' is not a fact this policy tests; it tests 'awards-this-year'"],
    ]);
  });

  it('can be tested by rules too', () => {
    const withRule = policy({
      rules: [
        {
          name: 'repeat-award',
          conditions: { all: [{ fact: 'facts', path: '$.awards-this-year', operator: 'equal', value: 0 }] },
          event: { type: 'first-award', params: { message: 'First award this year', severity: 'info' } },
        },
      ],
    });
    expect(evaluate(withRule, assessment(0)).flags.map((f) => f.code)).toEqual(['first-award']);
  });
});

describe('the policy checks on eligibility', () => {
  const issueOf = (p: Policy) => {
    const checked = validatePolicy(p);
    return checked.ok ? [] : checked.issues.map((i) => [i.code, i.path]);
  };

  it('refuse a condition on an amount: amounts are worked out only for people who are eligible', () => {
    const onAmount = { ...ADULT, conditions: { all: [{ fact: 'weeklyPence', operator: 'lessThan' as const, value: 100 }] } };
    expect(issueOf(policy({ eligibility: [onAmount] }))).toEqual([['eligibility_tests_amount', '/eligibility/0/conditions/all/0/fact']]);
  });

  it('refuse a condition on a fact the policy does not declare', () => {
    expect(issueOf(policy({ facts: undefined }))).toEqual([['unknown_fact_path', '/eligibility/1/conditions/all/0/path']]);
  });

  it('refuse an unknown fact, naming the facts there are', () => {
    const unknown = { ...ADULT, conditions: { all: [{ fact: 'income', operator: 'lessThan' as const, value: 100 }] } };
    expect(issueOf(policy({ eligibility: [unknown] }))).toEqual([['unknown_fact', '/eligibility/0/conditions/all/0/fact']]);
  });

  it('refuse eligibility and facts in a version-1 document', () => {
    expect(issueOf(policy({ schemaVersion: 1 }))).toEqual([
      ['needs_schema_version_2', '/facts'],
      ['needs_schema_version_2', '/eligibility'],
    ]);
  });
});
