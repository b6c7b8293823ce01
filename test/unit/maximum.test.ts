/**
 * A maximum with the route for going above it. The ADASS framework recommends no
 * ceiling; a scheme that has one states it, with the route, and the amount over it is limited:
 * the explanation says by how much and where to go. The maximum is applied last, after rounding.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Policy, validatePolicy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

const PANEL = { id: 'panel', label: 'Resource panel', words: 'Your social worker can take your support plan to the resource panel.' };

const withMaximum = (pence: number, overrides: Partial<Policy> = {}) =>
  basePolicy({ schemaVersion: 2, maximum: { pence, period: 'week', route: PANEL }, ...overrides });

describe('a maximum', () => {
  it('limits an amount over it, and says by how much and where to go', () => {
    // 15 points × 488p = 7 320p a week; the maximum is 7 000p: limited by 320p
    const result = evaluate(withMaximum(7000), baseAssessment());
    expect(lineOf(result, 'maximum')).toEqual({
      step: 'maximum',
      maximumPence: 7000,
      period: 'week',
      beforePence: 7320,
      limitedByPence: 320,
      afterPence: 7000,
      applied: true,
      route: PANEL,
    });
    expect(result.allocation).toEqual({ period: 'week', pence: 7000 });
    expect(result.weeklyPence).toBe(7000);
    expect(explain(result)).toContain(
      'This scheme pays at most £70.00 a week, so the amount is limited to it: £73.20 − £3.20 = £70.00. To ask for more: Resource panel. Your social worker can take your support plan to the resource panel.',
    );
  });

  it('leaves an amount within it as it is, and still names the limit and the route', () => {
    const result = evaluate(withMaximum(10_000), baseAssessment());
    expect(lineOf(result, 'maximum')).toMatchObject({ beforePence: 7320, limitedByPence: 0, afterPence: 7320, applied: false });
    expect(result.weeklyPence).toBe(7320);
    expect(explain(result)).toContain('This scheme pays at most £100.00 a week; this amount is within it. Above it: Resource panel.');
  });

  it('is an amount reached exactly: not limited', () => {
    const result = evaluate(withMaximum(7320), baseAssessment());
    expect(lineOf(result, 'maximum')).toMatchObject({ applied: false, limitedByPence: 0, afterPence: 7320 });
  });

  it('comes after rounding, so rounding up can never take the amount over it', () => {
    // 7 320p rounded up to the pound is 7 400p; the maximum 7 350p then limits it to 7 350p
    const policy = withMaximum(7350, { rounding: { unit: 'pound', mode: 'up' } });
    const result = evaluate(policy, baseAssessment());
    expect(lineOf(result, 'rounding')).toMatchObject({ beforePence: 7320, afterPence: 7400 });
    expect(lineOf(result, 'maximum')).toMatchObject({ beforePence: 7400, afterPence: 7350, limitedByPence: 50 });
    expect(result.allocation!.pence).toBe(7350);
  });

  it('never raises an amount, and never leaves one above it (any total, any maximum)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 5000 }), (maximum, price) => {
        const policy = withMaximum(maximum, { pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: price } } });
        const unlimited = evaluate(basePolicy({ pricing: policy.pricing }), baseAssessment());
        const limited = evaluate(policy, baseAssessment());
        expect(limited.allocation!.pence).toBe(Math.min(unlimited.allocation!.pence, maximum));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the checks of a maximum', () => {
  const issuesOf = (policy: unknown) => {
    const checked = validatePolicy(policy);
    return checked.ok ? checked.warnings : checked.issues;
  };

  it('warn that the ADASS framework recommends no ceiling, naming the route', () => {
    expect(issuesOf(withMaximum(7000))).toEqual([
      expect.objectContaining({
        code: 'maximum_set',
        severity: 'warning',
        path: '/maximum',
        message:
          "This scheme limits amounts to £70.00 a week; the ADASS framework recommends no cost ceiling (high results flagged, not capped). The route above it is 'Resource panel'.",
      }),
    ]);
  });

  it('warn of each band the maximum would limit, by its label as the console shows it', () => {
    const policy = withMaximum(15_000, {
      pricing: {
        default: {
          method: 'bands',
          period: 'week',
          bands: [
            { label: 'Low', from: 0, to: 9, pence: 5000 },
            { label: 'High', from: 10, pence: 16_000 },
          ],
        },
      },
    });
    expect(issuesOf(policy)).toContainEqual(
      expect.objectContaining({
        code: 'band_above_maximum',
        path: '/pricing/default/bands/1',
        message: "Band 'High' gives £160.00, above the maximum of £150.00: everyone in it is limited to the maximum",
      }),
    );
  });

  it('refuse a maximum in another period than the tables, naming both', () => {
    const policy = withMaximum(7000, { pricing: { default: { method: 'price-per-point', period: 'month', pencePerPoint: 488 } } });
    expect(validatePolicy(policy).ok).toBe(false);
    expect(issuesOf(policy)).toContainEqual(
      expect.objectContaining({
        code: 'maximum_period_mismatch',
        path: '/maximum/period',
        message: "The maximum is a weekly amount, but the standard table ('default') gives monthly amounts: use the same period",
      }),
    );
  });

  it('refuse a maximum in a version-1 document', () => {
    const policy = { ...withMaximum(7000), schemaVersion: 1 };
    expect(issuesOf(policy)).toContainEqual(expect.objectContaining({ code: 'needs_schema_version_2', path: '/maximum' }));
  });

  it('refuse a maximum without a route (the schema)', () => {
    const policy = withMaximum(7000);
    const { route: _route, ...withoutRoute } = policy.maximum!;
    Object.assign(policy, { maximum: withoutRoute });
    expect(issuesOf(policy)).toContainEqual(expect.objectContaining({ code: 'schema_required', path: '/maximum/route' }));
  });
});

describe('paying the lesser of the amount and the one requested', () => {
  const lesser = (overrides: Partial<Policy> = {}) =>
    basePolicy({ schemaVersion: 2, lesserOfRequested: { label: 'The cost of the break you asked for' }, ...overrides });

  it('pays the requested amount when it is less, and says so', () => {
    // 15 points × 488p = 7 320p a week; requested 5 000p a week: 5 000p is paid
    const result = evaluate(lesser(), baseAssessment({ requested: { pence: 5000, period: 'week' } }));
    expect(lineOf(result, 'requested')).toEqual({
      step: 'requested',
      label: 'The cost of the break you asked for',
      requestedPence: 5000,
      period: 'week',
      beforePence: 7320,
      afterPence: 5000,
      applied: true,
    });
    expect(result.allocation!.pence).toBe(5000);
    expect(explain(result)).toContain('The cost of the break you asked for: £50.00 a week, less than £73.20, so £50.00 is paid.');
  });

  it('pays the amount when the request is more', () => {
    const result = evaluate(lesser(), baseAssessment({ requested: { pence: 9000, period: 'week' } }));
    expect(lineOf(result, 'requested')).toMatchObject({ applied: false, afterPence: 7320 });
    expect(result.allocation!.pence).toBe(7320);
  });

  it('pays the amount when nothing is requested, with no requested line', () => {
    const result = evaluate(lesser(), baseAssessment());
    expect(result.explanation.some((l) => l.step === 'requested')).toBe(false);
    expect(result.allocation!.pence).toBe(7320);
  });

  it('applies after the maximum: the least of the three is paid', () => {
    const route = { id: 'panel', label: 'Resource panel', words: 'Ask for a panel review.' };
    const policy = lesser({ maximum: { pence: 6000, period: 'week', route } });
    const result = evaluate(policy, baseAssessment({ requested: { pence: 6500, period: 'week' } }));
    // 7 320p limited to the maximum 6 000p; the request 6 500p is more, so 6 000p is paid
    expect(lineOf(result, 'maximum')).toMatchObject({ afterPence: 6000 });
    expect(lineOf(result, 'requested')).toMatchObject({ beforePence: 6000, applied: false, afterPence: 6000 });
  });

  it('is refused for a policy that does not pay the lesser, and in another period than the table', () => {
    expect(thrown(() => evaluate(basePolicy(), baseAssessment({ requested: { pence: 5000, period: 'week' } })))).toMatchObject({
      issues: [expect.objectContaining({ code: 'requested_not_used', path: '/requested' })],
    });
    expect(thrown(() => evaluate(lesser(), baseAssessment({ requested: { pence: 5000, period: 'month' } })))).toMatchObject({
      issues: [
        expect.objectContaining({
          code: 'requested_period_mismatch',
          path: '/requested/period',
          message: "the requested amount is given a month, but this client group's amounts are a week: give it a week",
        }),
      ],
    });
  });
});
