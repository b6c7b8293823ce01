/**
 * A fixed base amount beside a price per point: the table's amount is the base plus
 * the points priced as before, each part exact and the points' part rounded with the policy's rounding.
 * A version-1 document may not say it, and prices as it always did.
 */

import { describe, expect, it } from 'vitest';
import { scalePolicy } from '../../engine/cohort/calibrate.js';
import { diffVersions, evaluate, explain, validatePolicy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';

const withBase = (basePence: number, pencePerPoint = 488, mode: 'half-up' | 'up' | 'down' = 'half-up') =>
  basePolicy({
    schemaVersion: 2,
    pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint, basePence } },
    rounding: { unit: 'penny', mode },
  });

describe('a base amount beside a price per point', () => {
  it('adds the base to the priced points, and the explanation shows both parts', () => {
    const result = evaluate(withBase(2000), baseAssessment());
    // 15 points × 488p = 7 320p; base 2 000p; 7 320p + 2 000p = 9 320p a week
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'price-per-point',
      points: 15,
      pencePerPoint: 488,
      basePence: 2000,
      pointsPence: 7320,
      period: 'week',
      pence: 9320,
    });
    expect(result.allocation).toEqual({ period: 'week', pence: 9320 });
    expect(explain(result)).toContain('A base of £20.00, plus 15 points × £4.88 a point (£73.20) = £93.20 a week.');
  });

  it('gives the base alone when no need scores', () => {
    const result = evaluate(withBase(2000), baseAssessment({ answers: { washing: 'none', 'health-needs': 'none' } }));
    // 0 points × 488p = 0p; base 2 000p
    expect(lineOf(result, 'pricing')).toMatchObject({ pointsPence: 0, pence: 2000 });
  });

  it('rounds only the points part: the base is whole pence already', () => {
    // 15 points × 487.3333p = 7 309.9995p; rounded down 7 309p, up 7 310p; plus the base 1 234p
    const down = evaluate(withBase(1234, 487.3333, 'down'), baseAssessment());
    const up = evaluate(withBase(1234, 487.3333, 'up'), baseAssessment());
    expect(lineOf(down, 'pricing')).toMatchObject({ pointsPence: 7309, pence: 8543 });
    expect(lineOf(up, 'pricing')).toMatchObject({ pointsPence: 7310, pence: 8544 });
  });

  it('a base of nothing is still shown, and prices as the points alone', () => {
    const result = evaluate(withBase(0), baseAssessment());
    expect(lineOf(result, 'pricing')).toMatchObject({ basePence: 0, pointsPence: 7320, pence: 7320 });
  });
});

describe('the policy format', () => {
  it('refuses a base amount in a version-1 document, naming where it is and what to do', () => {
    const policy = { ...withBase(2000), schemaVersion: 1 };
    const checked = validatePolicy(policy);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.issues).toEqual([
      expect.objectContaining({
        code: 'needs_schema_version_2',
        path: '/pricing/default/basePence',
        message: 'A base amount beside a price per point is part of policy format 2: set schemaVersion to 2, or remove basePence',
      }),
    ]);
  });

  it('accepts a version-2 document with one, and a version-2 document without one prices as version 1 does', () => {
    expect(validatePolicy(withBase(2000))).toMatchObject({ ok: true, warnings: [] });
    const v1 = evaluate(basePolicy(), baseAssessment());
    const v2 = evaluate(basePolicy({ schemaVersion: 2 }), baseAssessment());
    expect(lineOf(v2, 'pricing')).toEqual(lineOf(v1, 'pricing'));
    expect(v2.allocation).toEqual(v1.allocation);
  });

  it('refuses a negative or fractional base (the schema: whole pence from 0)', () => {
    for (const basePence of [-1, 20.5]) {
      const checked = validatePolicy(withBase(basePence));
      expect(checked.ok).toBe(false);
      expect(checked.ok ? [] : checked.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/pricing/default/basePence' })]),
      );
    }
  });
});

describe('a base amount elsewhere in the product', () => {
  it('is a policy change in words between versions', () => {
    const changes = diffVersions(withBase(2000), withBase(2500));
    expect(changes).toEqual([
      {
        area: 'pricing',
        path: '/pricing/default/basePence',
        description: 'Base amount (the standard table): £20.00 → £25.00 a week',
        before: 2000,
        after: 2500,
      },
    ]);
  });

  it('is scaled with the price per point by calibration, to the penny', () => {
    // 2 000p × 1.10 = 2 200p; 488p × 1.10 = 536.8p a point
    const scaled = scalePolicy(withBase(2000), 1.1).pricing.default;
    expect(scaled).toMatchObject({ basePence: 2200, pencePerPoint: 536.8 });
  });
});
