/**
 * Bands whose outcome has no amount: a children's table that starts with "needs met
 * through universal services", or stops being priced at the top, where an individual assessment
 * follows. The result is the named outcome with no amount, never a budget of £0, and never a cap.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Policy, validatePolicy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';

const UNIVERSAL = { id: 'universal-services', label: 'Universal services', words: 'Your needs can be met through universal services.' };
const INDIVIDUAL = {
  id: 'individual-assessment',
  label: 'Individual assessment',
  words: 'A social worker will assess your needs with you.',
};

/** Universal services to 9 points, £100 and £140 a week to 29, an individual assessment from 30. */
const table = (overrides: Partial<Policy> = {}): Policy =>
  basePolicy({
    schemaVersion: 2,
    outcomes: [UNIVERSAL, INDIVIDUAL],
    pricing: {
      default: {
        method: 'bands',
        period: 'week',
        bands: [
          { label: 'Universal', from: 0, to: 9, outcome: 'universal-services' },
          { label: 'Band 1', from: 10, to: 19, pence: 10_000 },
          { label: 'Band 2', from: 20, to: 29, pence: 14_000 },
          { label: 'Above the table', from: 30, outcome: 'individual-assessment' },
        ],
      },
    },
    ...overrides,
  });

// Answers: washing none 0 / some 10 / lots 40; health none 0 / some 5 / high 30.
const scoring = (washing: string, health: string) => baseAssessment({ answers: { washing, 'health-needs': health } });

describe('a band with an outcome instead of an amount', () => {
  it('gives the outcome, with its words, and no amount in any period (5 points: universal services)', () => {
    const result = evaluate(table(), scoring('none', 'some'));
    expect(result.outcome).toEqual({ kind: 'without-amount', ...UNIVERSAL });
    expect(result.allocation).toBeNull();
    expect([result.weeklyPence, result.monthlyPence, result.annualPence]).toEqual([null, null, null]);
    expect(result.carerAdjustment).toEqual({ applied: false, reason: 'no-amount', percent: 0, reductionPence: 0 });
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: 5,
      band: 1,
      label: 'Universal',
      from: 0,
      to: 9,
      period: 'week',
      outcome: UNIVERSAL,
    });
    // Nothing after pricing runs: no carer line, no rounding, no periods.
    expect(result.explanation.map((l) => l.step)).not.toContain('periods');
    expect(explain(result)).toContain('5 points falls in "Universal" (0 to 9 points), which gives no amount: Universal services.');
    expect(explain(result)).toContain('Your needs can be met through universal services.');
  });

  it('prices the bands between as before (15 points: Band 1, £100 a week)', () => {
    const result = evaluate(table(), scoring('some', 'some'));
    expect(result.outcome).toBeUndefined();
    expect(result.allocation).toEqual({ period: 'week', pence: 10_000 });
  });

  it('stops the table being priced at the top without capping it (40 points: an individual assessment, not £140)', () => {
    const result = evaluate(table(), scoring('lots', 'none'));
    expect(result.outcome).toEqual({ kind: 'without-amount', ...INDIVIDUAL });
    expect(result.weeklyPence).toBeNull();
  });

  it('works the same in an hour-band table', () => {
    const policy = table({
      pricing: {
        default: {
          method: 'hour-bands',
          period: 'week',
          hourlyRatePence: 1800,
          bands: [
            { from: 0, to: 9, outcome: 'universal-services' },
            { from: 10, to: 29, hours: 5.5 },
            { from: 30, outcome: 'individual-assessment' },
          ],
        },
      },
    });
    expect(evaluate(policy, scoring('none', 'none')).outcome).toMatchObject({ id: 'universal-services' });
    // 5.5 hours × 1 800p = 9 900p a week
    expect(evaluate(policy, scoring('some', 'none')).weeklyPence).toBe(9900);
  });

  it('lets rules run, with no amount to test: a rule on the amount is not met', () => {
    const policy = table({
      rules: [
        {
          name: 'high-cost',
          conditions: { all: [{ fact: 'weeklyPence', operator: 'greaterThanInclusive', value: 0 }] },
          event: { type: 'high-cost', params: { message: 'Check' } },
        },
        {
          name: 'high-points',
          conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThanInclusive', value: 30 }] },
          event: { type: 'high-points', params: { message: 'Many points' } },
        },
      ],
    });
    const result = evaluate(policy, scoring('lots', 'none'));
    expect(result.flags.map((f) => f.code)).toEqual(['high-points']);
  });

  it('never yields an amount, whatever the answers (property)', () => {
    const washing = fc.constantFrom('none', 'some', 'lots');
    const health = fc.constantFrom('none', 'some', 'high');
    fc.assert(
      fc.property(washing, health, (w, h) => {
        const result = evaluate(table(), scoring(w, h));
        const band = lineOf(result, 'pricing');
        if ('outcome' in band) {
          expect(result.allocation).toBeNull();
          expect(result.weeklyPence).toBeNull();
        } else {
          expect(result.outcome).toBeUndefined();
          expect(result.allocation?.pence).toBe(band.pence);
        }
      }),
    );
  });
});

describe('the policy checks on outcomes', () => {
  const codes = (policy: unknown) => {
    const checked = validatePolicy(policy);
    return checked.ok ? checked.warnings.map((w) => [w.code, w.path]) : checked.issues.map((i) => [i.code, i.path]);
  };

  it('refuse a band whose outcome is not declared, naming the band and the declared outcomes', () => {
    const policy = table({ outcomes: [UNIVERSAL] });
    const checked = validatePolicy(policy);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toEqual([
      expect.objectContaining({
        code: 'unknown_outcome',
        path: '/pricing/default/bands/3/outcome',
        message:
          "band 'Above the table' gives the outcome 'individual-assessment', which is not declared; declared outcomes are 'universal-services'",
      }),
    ]);
  });

  it('refuse outcomes in a version-1 document', () => {
    expect(codes(table({ schemaVersion: 1 }))).toEqual([
      ['needs_schema_version_2', '/outcomes'],
      ['needs_schema_version_2', '/pricing/default/bands/0/outcome'],
      ['needs_schema_version_2', '/pricing/default/bands/3/outcome'],
    ]);
  });

  it('refuse a band with both an amount and an outcome (the schema: exactly one)', () => {
    const policy = table();
    const bands = (policy.pricing.default as { bands: object[] }).bands;
    bands[1] = { ...bands[1], outcome: 'universal-services' };
    expect(validatePolicy(policy).ok).toBe(false);
  });

  it('warn of a declared outcome no band gives', () => {
    const policy = table({ outcomes: [UNIVERSAL, INDIVIDUAL, { id: 'spare', label: 'Spare', words: 'Unused.' }] });
    expect(codes(policy)).toEqual([['outcome_unused', '/outcomes/2']]);
  });

  it('compare only priced neighbours for falling amounts and cliff edges', () => {
    expect(codes(table())).toEqual([]);
  });
});
