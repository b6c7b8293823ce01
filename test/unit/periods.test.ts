/**
 * Periods (rules/README.md step 10): weekly, monthly and annual amounts from the allocation in its own
 * period, each rounded half-up to the penny: annual = weekly × weeksPerYear, or monthly × 12;
 * weekly = annual ÷ weeksPerYear; monthly = annual ÷ 12.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type Period } from '../../engine/index.js';
import { lineOf, scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

/** One point priced at `pence` a `period`, so the allocation is exactly `pence`. */
function convert(pence: number, period: Period, weeksPerYear: number) {
  const policy = scoringPolicy({
    pricing: { default: { method: 'price-per-point', period, pencePerPoint: pence } },
    weeksPerYear,
  });
  return evaluate(policy, scoringAssessment({ health: 1 }));
}

describe('period conversion', () => {
  // [period, weeksPerYear, allocation, weekly, monthly, annual]
  const cases: Array<[Period, number, number, number, number, number]> = [
    // weekly 10 000p; annual 10 000 × 52 = 520 000p; monthly 520 000 ÷ 12 = 43 333.33 → 43 333p
    ['week', 52, 10000, 10000, 43333, 520000],
    // weekly 10 000p; annual 10 000 × 52.1429 = 521 429p; monthly 521 429 ÷ 12 = 43 452.42 → 43 452p
    ['week', 52.1429, 10000, 10000, 43452, 521429],
    // monthly 43 333p; annual 43 333 × 12 = 519 996p; weekly 519 996 ÷ 52 = 9 999.92 → 10 000p
    ['month', 52, 43333, 10000, 43333, 519996],
    // monthly 23 900p; annual 23 900 × 12 = 286 800p; weekly 286 800 ÷ 52.1429 = 5 500.27 → 5 500p
    ['month', 52.1429, 23900, 5500, 23900, 286800],
    // annual 520 000p; weekly 520 000 ÷ 52 = 10 000p; monthly 520 000 ÷ 12 = 43 333.33 → 43 333p
    ['year', 52, 520000, 10000, 43333, 520000],
    // annual 1 000 000p; weekly 1 000 000 ÷ 52.1429 = 19 178.07 → 19 178p; monthly ÷ 12 = 83 333.33 → 83 333p
    ['year', 52.1429, 1000000, 19178, 83333, 1000000],
    // annual 26p; weekly 26 ÷ 52 = 0.5 → half-up 1p; monthly 26 ÷ 12 = 2.17 → 2p
    ['year', 52, 26, 1, 2, 26],
    // annual 78p; weekly 78 ÷ 52 = 1.5 → half-up 2p; monthly 78 ÷ 12 = 6.5 → half-up 7p
    ['year', 52, 78, 2, 7, 78],
  ];

  it.each(cases)(
    'converts a %s amount with %s weeks a year: %i p → weekly %i p, monthly %i p, annual %i p',
    (period, weeksPerYear, pence, weeklyPence, monthlyPence, annualPence) => {
      const result = convert(pence, period, weeksPerYear);
      expect(lineOf(result, 'periods')).toEqual({ step: 'periods', period, weeksPerYear, weeklyPence, monthlyPence, annualPence });
      expect(result.allocation).toEqual({ period, pence });
      expect([result.weeklyPence, result.monthlyPence, result.annualPence]).toEqual([weeklyPence, monthlyPence, annualPence]);
    },
  );

  it('rounds half-up even when the policy rounds down', () => {
    const policy = scoringPolicy({
      pricing: { default: { method: 'price-per-point', period: 'year', pencePerPoint: 78 } },
      rounding: { unit: 'penny', mode: 'down' },
    });
    const result = evaluate(policy, scoringAssessment({ health: 1 }));
    // annual 78p; weekly 78 ÷ 52 = 1.5 → half-up 2p (not 1p); monthly 78 ÷ 12 = 6.5 → 7p (not 6p)
    expect(lineOf(result, 'periods')).toMatchObject({ weeklyPence: 2, monthlyPence: 7, annualPence: 78 });
  });
});
