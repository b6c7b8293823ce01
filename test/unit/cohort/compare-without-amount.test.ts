/**
 * Comparing versions when some people get no amount: a band's outcome without one,
 * or not eligible. They are counted by outcome and left out of every money figure, so a move to "an
 * individual assessment" is never counted as losing the whole amount, and totals stay like for like.
 */

import { describe, expect, it } from 'vitest';
import { compilePolicy, type Policy } from '../../../engine/index.js';
import { encodeCohort } from '../../../engine/cohort/encoded-cohort.js';
import { compareCohort } from '../../../engine/cohort/compare.js';
import { calibrate } from '../../../engine/cohort/calibrate.js';
import type { CohortPerson } from '../../../engine/cohort/cohort.js';
import { basePolicy } from '../../support/policy-builder.js';

const INDIVIDUAL = {
  id: 'individual-assessment',
  label: 'Individual assessment',
  words: 'A social worker will assess your needs with you.',
};

/** £100 a week to 29 points; from 30, £200 (priced) or an individual assessment (unpriced). */
const withTop = (top: { pence: number } | { outcome: string }, version: string): Policy =>
  basePolicy({
    schemaVersion: 2,
    version,
    outcomes: [INDIVIDUAL],
    pricing: {
      default: {
        method: 'bands',
        period: 'week',
        bands: [
          { from: 0, to: 29, pence: 10_000 },
          { from: 30, ...top },
        ],
      },
    },
  });

// washing none 0 / some 10 / lots 40; health none 0 / some 5 / high 30
const person = (ref: string, washing: string, health: string): CohortPerson => ({
  ref,
  clientGroup: 'older-people',
  ageBand: '65-74',
  answers: { washing, 'health-needs': health },
});
const cohort = encodeCohort([
  person('p1', 'none', 'none'), // 0 points
  person('p2', 'some', 'some'), // 15 points
  person('p3', 'lots', 'none'), // 40 points
  person('p4', 'lots', 'high'), // 70 points
]);

describe('a comparison where a version gives some people no amount', () => {
  const priced = withTop({ pence: 20_000 }, 'priced-top');
  const unpriced = withTop({ outcome: 'individual-assessment' }, 'unpriced-top');
  const comparison = compareCohort(
    [
      { version: 'priced-top', compiled: compilePolicy({ ...priced, outcomes: undefined, schemaVersion: 2 }) },
      { version: 'unpriced-top', compiled: compilePolicy(unpriced) },
    ],
    cohort,
    { asOf: '2010-06-01' },
  );

  it('counts them by outcome under the version that gives no amount', () => {
    expect(comparison.withoutAmount).toBe(2);
    expect(comparison.versions.map((v) => v.withoutAmount)).toEqual([{}, { 'individual-assessment': 2 }]);
  });

  it('leaves them out of the money figures: not losers, and not in either total', () => {
    const pair = comparison.pairs[0]!;
    expect(pair.overall).toMatchObject({ people: 2, losers: 0, gainers: 0, unchanged: 2 });
    // 2 people × £100 a week × 52 weeks = 1 040 000p a year under both versions
    expect(pair.overall.totalBasePence).toBe(1_040_000);
    expect(pair.overall.totalCandidatePence).toBe(1_040_000);
    expect(pair.largestLosses).toEqual([]);
  });

  it('are not priced by calibration: scaling prices never gives them an amount', () => {
    const result = calibrate(compilePolicy(unpriced), cohort, { asOf: '2010-06-01', budgetPence: 2_080_000, contingencyPercent: 0 });
    // Only the two priced people cost anything: 2 × 10 000p × 52 = 1 040 000p; doubling the price meets the budget
    expect(result.people).toBe(2);
    expect(result.current.totalPence).toBe(1_040_000);
    expect(result.calibratedPolicy.pricing.default).toMatchObject({ bands: [{ pence: 20_000 }, { outcome: 'individual-assessment' }] });
  });
});
