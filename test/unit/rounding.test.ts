/**
 * Rounding (rules/README.md step 9): the amount, still in the table's period, is rounded to the
 * rounding unit (penny or pound) with the rounding mode (up, down, half-up).
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type RoundingMode, type RoundingUnit } from '../../engine/index.js';
import { lineOf, scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

/** One point priced at `pence`, so the amount before rounding is exactly `pence`. */
function roundOnePoint(pence: number, unit: RoundingUnit, mode: RoundingMode) {
  const policy = scoringPolicy({
    pricing: { default: { method: 'price-per-point', period: 'month', pencePerPoint: pence } },
    rounding: { unit, mode },
  });
  return evaluate(policy, scoringAssessment({ health: 1 }));
}

describe('final rounding', () => {
  const cases: Array<[RoundingUnit, RoundingMode, number, number]> = [
    // £123.50 to the nearest pound: exactly half goes up → £124
    ['pound', 'half-up', 12350, 12400],
    // £123.49 to the nearest pound → £123
    ['pound', 'half-up', 12349, 12300],
    // £123.51 to the nearest pound → £124
    ['pound', 'half-up', 12351, 12400],
    // £123.01 up to the pound → £124
    ['pound', 'up', 12301, 12400],
    // £123.00 up to the pound stays £123 (already whole)
    ['pound', 'up', 12300, 12300],
    // £123.99 down to the pound → £123
    ['pound', 'down', 12399, 12300],
    // £123.50 down to the pound → £123
    ['pound', 'down', 12350, 12300],
    // whole pence are already whole pennies, whatever the mode
    ['penny', 'half-up', 12345, 12345],
    ['penny', 'up', 12345, 12345],
    ['penny', 'down', 12345, 12345],
  ];

  it.each(cases)('rounds to the %s %s: %i p becomes %i p', (unit, mode, before, after) => {
    const result = roundOnePoint(before, unit, mode);
    // 1 point × before = before pence, then rounded
    expect(lineOf(result, 'rounding')).toEqual({ step: 'rounding', unit, mode, period: 'month', beforePence: before, afterPence: after });
    expect(result.allocation).toEqual({ period: 'month', pence: after });
  });

  it('rounds the uplifted amount, after the uplift', () => {
    const policy = scoringPolicy({
      pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: 12000 } },
      uplifts: [{ from: '2010-04-01', percent: 0.5 }],
      rounding: { unit: 'pound', mode: 'half-up' },
    });
    const result = evaluate(policy, scoringAssessment({ health: 1 }));
    // 12 000p × 0.5% = 60p → 12 060p (£120.60); to the nearest pound → 12 100p
    expect(lineOf(result, 'rounding')).toEqual({
      step: 'rounding',
      unit: 'pound',
      mode: 'half-up',
      period: 'week',
      beforePence: 12060,
      afterPence: 12100,
    });
    expect(result.allocation!.pence).toBe(12100);
    expect(result.weeklyPence).toBe(12100);
  });
});
