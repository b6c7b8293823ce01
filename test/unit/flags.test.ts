/**
 * Rules (rules/README.md step 11): json-rules-engine rules run last, on the documented facts. Each rule
 * that fires raises a flag (event.type is its code, event.params.message its text, severity 'review'
 * unless given). Flags are listed in policy order, and rules never change the amount.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type Policy, type Rule } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf, linesOf } from '../support/scoring-policy.js';

const highPoints: Rule = {
  name: 'high-points',
  conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThanInclusive', value: 50 }] },
  event: { type: 'refer-to-panel', params: { message: 'Refer to the resource panel.', severity: 'action' } },
};
const rawHealth: Rule = {
  name: 'raw-health',
  conditions: { all: [{ fact: 'domainPoints', path: '$.health', operator: 'greaterThanInclusive', value: 30 }] },
  event: { type: 'consider-nhs', params: { message: 'Consider NHS continuing healthcare.' } },
};
const weightedHealth: Rule = {
  name: 'weighted-health',
  // a higher priority runs first in json-rules-engine, but flags still follow the policy's order
  priority: 10,
  conditions: { all: [{ fact: 'weightedDomainPoints', path: '$.health', operator: 'greaterThanInclusive', value: 30 }] },
  event: { type: 'weighted-health-high', params: { message: 'Weighted health points are high.', severity: 'info' } },
};

// health weighted 0.5: washing "lots" 40 + health "high" 30 × 0.5 = 15 → 55 points
const policy: Policy = basePolicy({
  domains: [
    { id: 'personal-care', label: 'Personal care' },
    { id: 'health', label: 'Health', weight: 0.5 },
  ],
  rules: [highPoints, rawHealth, weightedHealth],
});
const assessment = baseAssessment({ answers: { washing: 'lots', 'health-needs': 'high' } });

describe('rules and flags', () => {
  it("raises a flag with the rule's code, message, severity and name, and explains the condition", () => {
    const result = evaluate(policy, assessment);
    // totalPoints = 40 + 30 × 0.5 = 55 ≥ 50 → fires
    expect(result.flags[0]).toEqual({
      code: 'refer-to-panel',
      message: 'Refer to the resource panel.',
      severity: 'action',
      rule: 'high-points',
    });
    expect(linesOf(result, 'rule')[0]).toMatchObject({
      step: 'rule',
      rule: 'high-points',
      fired: true,
      flag: 'refer-to-panel',
      conditions: {
        all: [{ fact: 'totalPoints', path: null, operator: 'greaterThanInclusive', value: 50, factValue: 55, result: true }],
      },
    });
  });

  it('marks the top-level condition of a rule that fired as true', () => {
    const result = evaluate(policy, assessment);
    const [high, raw, weighted] = linesOf(result, 'rule');
    // high-points: all [55 ≥ 50 → true] → true; raw-health: all [30 ≥ 30 → true] → true
    expect(high!.conditions.result).toBe(true);
    expect(raw!.conditions.result).toBe(true);
    // weighted-health: all [15 ≥ 30 → false] → false
    expect(weighted!.conditions.result).toBe(false);
    // the top-level result agrees with 'fired' on every line
    expect(linesOf(result, 'rule').map((r) => [r.fired, r.conditions.result])).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
  });

  it('tests raw points with domainPoints and weighted points with weightedDomainPoints', () => {
    const result = evaluate(policy, assessment);
    const [, raw, weighted] = linesOf(result, 'rule');
    // domainPoints.health = 30 raw ≥ 30 → fires
    expect(raw).toMatchObject({
      step: 'rule',
      rule: 'raw-health',
      fired: true,
      flag: 'consider-nhs',
      conditions: {
        all: [{ fact: 'domainPoints', path: '$.health', operator: 'greaterThanInclusive', value: 30, factValue: 30, result: true }],
      },
    });
    // weightedDomainPoints.health = 30 × 0.5 = 15 < 30 → does not fire
    expect(weighted).toEqual({
      step: 'rule',
      rule: 'weighted-health',
      fired: false,
      flag: 'weighted-health-high',
      conditions: {
        all: [
          { fact: 'weightedDomainPoints', path: '$.health', operator: 'greaterThanInclusive', value: 30, factValue: 15, result: false },
        ],
        result: false,
      },
    });
  });

  it('gives a flag without a severity the severity "review"', () => {
    const result = evaluate(policy, assessment);
    expect(result.flags[1]).toEqual({
      code: 'consider-nhs',
      message: 'Consider NHS continuing healthcare.',
      severity: 'review',
      rule: 'raw-health',
    });
  });

  it('raises no flag for a rule that does not fire', () => {
    const result = evaluate(policy, assessment);
    // weighted-health did not fire: two flags, not three
    expect(result.flags.map((f) => f.code)).toEqual(['refer-to-panel', 'consider-nhs']);
  });

  it('lists flags and rule lines in policy order, whatever the priorities', () => {
    const allFire: Policy = basePolicy({
      rules: [
        { ...highPoints, priority: 1 },
        { ...rawHealth, priority: 5 },
        { ...weightedHealth, priority: 10 },
      ],
    });
    const result = evaluate(allFire, assessment);
    // unweighted: 40 + 30 = 70 ≥ 50; raw health 30 ≥ 30; weighted health 30 × 1 = 30 ≥ 30 → all three fire
    expect(result.flags.map((f) => f.rule)).toEqual(['high-points', 'raw-health', 'weighted-health']);
    expect(linesOf(result, 'rule').map((r) => [r.rule, r.fired])).toEqual([
      ['high-points', true],
      ['raw-health', true],
      ['weighted-health', true],
    ]);
  });

  it('raises nothing when no rule fires', () => {
    const result = evaluate(policy, baseAssessment());
    // 10 + 5 × 0.5 = 12.5 < 50; raw health 5 < 30; weighted 2.5 < 30
    expect(result.flags).toEqual([]);
    expect(linesOf(result, 'rule').map((r) => r.fired)).toEqual([false, false, false]);
    expect(linesOf(result, 'rule')[0]!.conditions).toEqual({
      all: [{ fact: 'totalPoints', path: null, operator: 'greaterThanInclusive', value: 50, factValue: 12.5, result: false }],
      result: false,
    });
  });

  it('never changes the amount', () => {
    const withRules = evaluate(policy, assessment);
    const withoutRules = evaluate(basePolicy({ domains: policy.domains }), assessment);
    // 55 points × 488p = 26 840p, with or without flags
    expect(withRules.allocation!.pence).toBe(26840);
    expect(withoutRules.allocation!.pence).toBe(26840);
    expect(withRules.annualPence).toBe(withoutRules.annualPence);
  });

  it('can test answers, money and the carer adjustment', () => {
    const facts: Policy = basePolicy({
      rules: [
        {
          name: 'lots-of-washing-help',
          conditions: {
            any: [
              { fact: 'answers', path: '$.washing', operator: 'equal', value: 'lots' },
              { fact: 'weeklyPence', operator: 'greaterThan', value: 100000 },
            ],
          },
          event: { type: 'washing-review', params: { message: 'Review washing support.' } },
        },
        {
          name: 'no-carer-reduction',
          conditions: { all: [{ fact: 'carerReductionApplied', operator: 'equal', value: false }] },
          event: { type: 'no-carer-reduction', params: { message: 'No carer reduction.', severity: 'info' } },
        },
      ],
    });
    const result = evaluate(facts, assessment);
    // answers.washing = "lots" → first condition true; weekly 70 × 488p = 34 160p, not over 100 000p
    expect(linesOf(result, 'rule')[0]!.conditions).toMatchObject({
      any: [
        { fact: 'answers', path: '$.washing', operator: 'equal', value: 'lots', factValue: 'lots', result: true },
        { fact: 'weeklyPence', path: null, operator: 'greaterThan', value: 100000, factValue: 34160, result: false },
      ],
    });
    expect(result.flags).toEqual([
      { code: 'washing-review', message: 'Review washing support.', severity: 'review', rule: 'lots-of-washing-help' },
      { code: 'no-carer-reduction', message: 'No carer reduction.', severity: 'info', rule: 'no-carer-reduction' },
    ]);
  });

  it('evaluates a rule whose fact condition has a priority (the schema allows one)', () => {
    const prioritised: Policy = basePolicy({
      rules: [
        {
          name: 'high-points',
          conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThanInclusive', value: 50, priority: 5 }] },
          event: { type: 'refer-to-panel', params: { message: 'Refer to the resource panel.' } },
        },
      ],
    });
    const result = evaluate(prioritised, assessment);
    // 40 + 30 = 70 ≥ 50 → fires
    expect(result.flags).toEqual([
      { code: 'refer-to-panel', message: 'Refer to the resource panel.', severity: 'review', rule: 'high-points' },
    ]);
    expect(lineOf(result, 'rule').conditions).toEqual({
      all: [{ fact: 'totalPoints', path: null, operator: 'greaterThanInclusive', value: 50, factValue: 70, result: true }],
      result: true,
    });
  });

  it('explains a condition skipped by priority as not met, and the group result still agrees with the rule', () => {
    const shortCircuit: Policy = basePolicy({
      rules: [
        {
          name: 'all-stops-early',
          conditions: {
            all: [
              { fact: 'totalPoints', operator: 'lessThan', value: 0, priority: 10 },
              { fact: 'age', operator: 'greaterThan', value: 1, priority: 1 },
            ],
          },
          event: { type: 'never', params: { message: 'Never.' } },
        },
        {
          name: 'any-stops-early',
          conditions: {
            any: [
              { fact: 'totalPoints', operator: 'greaterThan', value: 0, priority: 10 },
              { fact: 'age', operator: 'lessThan', value: 1, priority: 1 },
            ],
          },
          event: { type: 'always', params: { message: 'Always.' } },
        },
      ],
    });
    const result = evaluate(shortCircuit, assessment);
    const [allLine, anyLine] = linesOf(result, 'rule');
    // all: 70 < 0 is false, so the lower-priority age test is never run → not met; all → false; no flag
    expect(allLine).toEqual({
      step: 'rule',
      rule: 'all-stops-early',
      fired: false,
      flag: 'never',
      conditions: {
        all: [
          { fact: 'totalPoints', path: null, operator: 'lessThan', value: 0, factValue: 70, result: false },
          { fact: 'age', path: null, operator: 'greaterThan', value: 1, factValue: null, result: false },
        ],
        result: false,
      },
    });
    // any: 70 > 0 is true, so the age test is never run; any → true; flag raised
    expect(anyLine).toEqual({
      step: 'rule',
      rule: 'any-stops-early',
      fired: true,
      flag: 'always',
      conditions: {
        any: [
          { fact: 'totalPoints', path: null, operator: 'greaterThan', value: 0, factValue: 70, result: true },
          { fact: 'age', path: null, operator: 'lessThan', value: 1, factValue: null, result: false },
        ],
        result: true,
      },
    });
    expect(result.flags.map((f) => f.code)).toEqual(['always']);
  });

  it('explains a not condition', () => {
    const negated: Policy = basePolicy({
      rules: [
        {
          name: 'not-older-people',
          conditions: { not: { fact: 'clientGroup', operator: 'equal', value: 'older-people' } },
          event: { type: 'not-older', params: { message: 'Not an older person.' } },
        },
      ],
    });
    const result = evaluate(negated, baseAssessment({ clientGroup: 'learning-disability' }));
    // clientGroup = learning-disability ≠ older-people → inner false → not → true → fires
    expect(lineOf(result, 'rule')).toEqual({
      step: 'rule',
      rule: 'not-older-people',
      fired: true,
      flag: 'not-older',
      conditions: {
        not: { fact: 'clientGroup', path: null, operator: 'equal', value: 'older-people', factValue: 'learning-disability', result: false },
        result: true,
      },
    });
  });

  it('has no rule lines when the policy has no rules', () => {
    const result = evaluate(basePolicy(), assessment);
    expect(linesOf(result, 'rule')).toEqual([]);
    expect(result.flags).toEqual([]);
  });
});
