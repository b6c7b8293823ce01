/**
 * Pricing by price per point (rules/README.md step 6): the weighted total, exact to a thousandth,
 * times pencePerPoint, rounded to the penny with the policy's rounding mode.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type RoundingMode } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';

describe('price per point', () => {
  it('multiplies whole points by the price of a point', () => {
    const result = evaluate(basePolicy(), baseAssessment());
    // washing "some" 10 + health "some" 5 = 15 points; 15 × 488p = 7 320p
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'price-per-point',
      points: 15,
      pencePerPoint: 488,
      period: 'week',
      pence: 7320,
    });
    expect(result.allocation).toEqual({ period: 'week', pence: 7320 });
  });

  it('prices in the period of the table', () => {
    const policy = basePolicy({ pricing: { default: { method: 'price-per-point', period: 'month', pencePerPoint: 2100 } } });
    const result = evaluate(policy, baseAssessment());
    // 15 points × 2 100p = 31 500p a month
    expect(lineOf(result, 'pricing')).toMatchObject({ period: 'month', pence: 31500 });
    expect(result.allocation).toEqual({ period: 'month', pence: 31500 });
  });

  it('scores nothing for no need, so the amount is nil', () => {
    const result = evaluate(basePolicy(), baseAssessment({ answers: { washing: 'none', 'health-needs': 'none' } }));
    // 0 points × 488p = 0p
    expect(lineOf(result, 'pricing')).toMatchObject({ points: 0, pence: 0 });
    expect(result.allocation!.pence).toBe(0);
  });

  describe('a weighted part point is priced exactly, then rounded to the penny with the rounding mode', () => {
    // health weight 1.5: 5 × 1.5 = 7.5; 10 + 7.5 = 17.5 points; 17.5 × 487p = 8 522.5p
    const halfPenny: Array<[RoundingMode, number]> = [
      // 8 522.5p half-up: exactly half a penny goes up → 8 523p
      ['half-up', 8523],
      // 8 522.5p up → 8 523p
      ['up', 8523],
      // 8 522.5p down → 8 522p
      ['down', 8522],
    ];
    it.each(halfPenny)('17.5 points × 487p = 8 522.5p, rounded %s, is %i p', (mode, pence) => {
      const policy = basePolicy({
        domains: [
          { id: 'personal-care', label: 'Personal care' },
          { id: 'health', label: 'Health', weight: 1.5 },
        ],
        pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: 487 } },
        rounding: { unit: 'penny', mode },
      });
      const result = evaluate(policy, baseAssessment());
      expect(lineOf(result, 'pricing')).toEqual({
        step: 'pricing',
        method: 'price-per-point',
        points: 17.5,
        pencePerPoint: 487,
        period: 'week',
        pence,
      });
      expect(result.allocation!.pence).toBe(pence);
    });

    // personal-care weight 0.333: 10 × 0.333 = 3.33; 3.33 + 5 = 8.33 points; 8.33 × 488p = 4 065.04p
    const smallFraction: Array<[RoundingMode, number]> = [
      // 4 065.04p half-up → 4 065p (0.04 is under half)
      ['half-up', 4065],
      // 4 065.04p up → 4 066p (any part penny goes up)
      ['up', 4066],
      // 4 065.04p down → 4 065p
      ['down', 4065],
    ];
    it.each(smallFraction)('8.33 points × 488p = 4 065.04p, rounded %s, is %i p', (mode, pence) => {
      const policy = basePolicy({
        domains: [
          { id: 'personal-care', label: 'Personal care', weight: 0.333 },
          { id: 'health', label: 'Health' },
        ],
        rounding: { unit: 'penny', mode },
      });
      const result = evaluate(policy, baseAssessment());
      expect(lineOf(result, 'pricing')).toEqual({
        step: 'pricing',
        method: 'price-per-point',
        points: 8.33,
        pencePerPoint: 488,
        period: 'week',
        pence,
      });
      expect(result.allocation!.pence).toBe(pence);
    });
  });
});
