/**
 * There is no ceiling (rules/README.md step 6), and money is exact whole pence (engine/money.ts says every
 * amount stays below 2^53). So the largest amounts a valid policy can produce must still be worked out.
 */

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/index.js';
import { lineOf, pricedLine, scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

describe('large amounts', () => {
  it('converts a very large weekly amount to a month and a year without failing', () => {
    // schema maxima: weight 10, pencePerPoint 1 000 000
    const policy = scoringPolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 10 },
        { id: 'health', label: 'Health', weight: 10 },
      ],
      pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: 1_000_000 } },
    });
    const result = evaluate(policy, scoringAssessment({ 'personal-care': 999, health: 999 }));
    // (999 + 999) × 10 = 19 980 points; × 1 000 000p = 19 980 000 000p a week
    expect(pricedLine(result).pence).toBe(19_980_000_000);
    // annual 19 980 000 000 × 52 = 1 038 960 000 000p; monthly ÷ 12 = 86 580 000 000p
    expect(lineOf(result, 'periods')).toEqual({
      step: 'periods',
      period: 'week',
      weeksPerYear: 52,
      weeklyPence: 19_980_000_000,
      monthlyPence: 86_580_000_000,
      annualPence: 1_038_960_000_000,
    });
  });
});
