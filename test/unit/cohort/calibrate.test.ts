/**
 * Calibration: the largest prices whose cohort total fits the budget after contingency, worked by hand.
 * Prices here are a year, so the annual amount is points × price rounded half-up to the penny.
 */

import { describe, expect, it } from 'vitest';
import {
  calibrate,
  compileFastEvaluator,
  compilePolicy,
  encodeCohort,
  scalePolicy,
  type EncodedCohort,
  type Policy,
} from '../../../engine/index.js';
import { ppp, who } from '../../support/cohort-people.js';
import { basePolicy } from '../../support/policy-builder.js';

const asOf = '2010-06-01';

/** The cohort's total annual pence under a policy, person by person through the fast evaluator. */
function totalUnder(policy: Policy, cohort: EncodedCohort): number {
  const fast = compileFastEvaluator(compilePolicy(policy), cohort, asOf);
  let total = 0;
  for (let i = 0; i < cohort.size; i++) {
    const outcome = fast(i);
    if (!('error' in outcome)) total += outcome.annualPence ?? 0;
  }
  return total;
}

const withPrice = (policy: Policy, pencePerPoint: number): Policy => ({
  ...policy,
  pricing: { ...policy.pricing, default: ppp(Math.round(pencePerPoint * 10_000) / 10_000, 'year') },
});

// 15, 70 and 40 points: 125 points in all.
const people = [
  who('A', 'older-people', '65-74', 'some', 'some', { currentAnnualCostPence: 342_000 }),
  who('B', 'older-people', '75-84', 'lots', 'high', { currentAnnualCostPence: 1_600_000 }),
  who('D', 'older-people', '85+', 'some', 'high', { currentAnnualCostPence: 900_000 }),
];
// £253.76 a point a year (488p × 52): 125 × 25,376 = 3,172,000 today.
const yearly = basePolicy({ pricing: { default: ppp(25_376, 'year') } });

describe('calibrating a price per point to a budget', () => {
  const cohort = encodeCohort(people);
  const c = calibrate(compilePolicy(yearly), cohort, { asOf, budgetPence: 3_000_000, contingencyPercent: 5 });

  it('the target is the budget less the contingency, in whole pence', () => {
    // 3,000,000 × 95 / 100 = 2,850,000
    expect(c.targetPence).toBe(2_850_000);
    expect(c.budgetPence).toBe(3_000_000);
    expect(c.contingencyPercent).toBe(5);
    expect(c.people).toBe(3);
    expect(c.excluded).toBe(0);
    // today: 3,172,000, £1,720 over the budget and £3,220 over the target
    expect(c.current).toEqual({ totalPence: 3_172_000, againstBudgetPence: 172_000, againstTargetPence: 322_000 });
  });

  it('chooses the largest four-decimal price whose total fits, not just the proportional one', () => {
    // 2,850,000 / 125 = 22,800 fits exactly, but rounding leaves room above it: at 22,800 + d the amounts
    // are 15(22,800 + d), 70(22,800 + d), 40(22,800 + d), each rounded half-up. The first to round up is
    // 70 points, at 70d ≥ 0.5, d ≥ 0.00714…: so 22,800.0071 fits (70 × 0.0071 = 0.497 rounds down)
    // and 22,800.0072 does not (70 × 0.0072 = 0.504 → 1,596,001, total 2,850,001).
    expect(c.prices).toEqual([{ table: 'default', method: 'price-per-point', before: 25_376, after: 22_800.0071, unit: 'pence a point' }]);
    expect((c.calibratedPolicy.pricing.default as { pencePerPoint: number }).pencePerPoint).toBe(22_800.0071);
    // 342,000.1065 → 342,000; 1,596,000.497 → 1,596,000; 912,000.284 → 912,000
    expect(c.calibratedTotalPence).toBe(2_850_000);
    expect(c.gapPence).toBe(0);
    expect(totalUnder(c.calibratedPolicy, cohort)).toBe(2_850_000);
    expect(totalUnder(withPrice(yearly, 22_800.0072), cohort)).toBe(2_850_001);
    expect(c.factor).toBeLessThan(1);
    expect(scalePolicy(yearly, c.factor).pricing.default).toEqual(ppp(22_800.0071, 'year'));
  });

  it('the sensitivity table prices the cohort at 80% to 120% of today’s prices', () => {
    // 125 points × 25,376 × p% = 3,172,000 × p%; every amount is whole (points are multiples of 5, 5% of 25,376 = 1,268.8)
    expect(c.sensitivity).toEqual(
      [80, 85, 90, 95, 100, 105, 110, 115, 120].map((percent) => {
        const total = (3_172_000 * percent) / 100;
        return { percent, factor: percent / 100, totalPence: total, againstBudgetPence: total - 3_000_000 };
      }),
    );
    expect(c.sensitivity[0]!.totalPence).toBe(2_537_600);
    expect(c.sensitivity[8]!.totalPence).toBe(3_806_400);
  });

  it('the calibrated version is compared with current costs', () => {
    // calibrated amounts: A 342,000, B 1,596,000, D 912,000
    // differences: 342,000 − 342,000 = 0; 1,596,000 − 1,600,000 = −4,000; 912,000 − 900,000 = +12,000
    // mean 8,000 / 3 = 2,666.67 → 2,667; median of −4,000, 0, 12,000 = 0
    expect(c.currentCost).toEqual({ people: 3, meanDifferencePence: 2_667, medianDifferencePence: 0, above: 1, below: 1, equal: 1 });
  });

  it('another budget: the price stops one step before the first amount rounds up', () => {
    // 2,900,123 × 97 / 100 = 2,813,119.31 → 2,813,119; 2,813,119 / 125 = 22,504.952, which fits exactly:
    //   15p = 337,574.28 → 337,574; 70p = 1,575,346.64 → 1,575,347; 40p = 900,198.08 → 900,198; sum 2,813,119.
    // Room above: 40 points rounds up first, at 40d ≥ 0.42, d ≥ 0.0105: 22,504.9625 gives 900,198.5 → 900,199.
    // So 22,504.9624 is the largest price (40 × it = 900,198.496 → 900,198).
    const d = calibrate(compilePolicy(yearly), cohort, { asOf, budgetPence: 2_900_123, contingencyPercent: 3 });
    expect(d.targetPence).toBe(2_813_119);
    expect(d.prices[0]!.after).toBe(22_504.9624);
    expect(d.calibratedTotalPence).toBe(2_813_119);
    expect(totalUnder(withPrice(yearly, 22_504.9625), cohort)).toBe(2_813_120);
  });

  it('what is left unspent is less than a penny a person', () => {
    // three people with 10 points each: the total is 3 × round(10p), a multiple of 3. Target 100,000:
    // round(10p) ≤ 33,333 → p ≤ 3,333.3499 (10p = 33,333.499), total 99,999, gap 1 ≤ 3 people.
    const tens = encodeCohort(['X', 'Y', 'Z'].map((ref) => who(ref, 'older-people', '65-74', 'some', 'none')));
    const e = calibrate(compilePolicy(yearly), tens, { asOf, budgetPence: 100_000, contingencyPercent: 0 });
    expect(e.prices[0]!.after).toBe(3_333.3499);
    expect(e.calibratedTotalPence).toBe(99_999);
    expect(e.gapPence).toBe(1);
    expect(e.gapPence).toBeLessThanOrEqual(e.people);
    expect(totalUnder(withPrice(yearly, 3_333.35), tens)).toBe(100_002);
  });

  it('with a weekly table the annual step is 52 weeks of a penny, so at most 52p a person is left unspent', () => {
    // 488p a week; 125 points × 488 × 52 = 3,172,000 today, as with the yearly price.
    const weekly = basePolicy();
    const w = calibrate(compilePolicy(weekly), cohort, { asOf, budgetPence: 2_999_999, contingencyPercent: 0 });
    const after = w.prices[0]!.after;
    expect(w.calibratedTotalPence).toBeLessThanOrEqual(2_999_999);
    expect(w.gapPence).toBeLessThanOrEqual(52 * w.people);
    const next = { ...weekly, pricing: { default: ppp(Math.round((after + 0.0001) * 10_000) / 10_000) } };
    expect(totalUnder(next, cohort)).toBeGreaterThan(2_999_999);
  });

  it('a budget already large enough gives a factor of at least 1', () => {
    // target 10,000,000 × 95% = 9,500,000 against 3,172,000 today
    const f = calibrate(compilePolicy(yearly), cohort, { asOf, budgetPence: 10_000_000, contingencyPercent: 5 });
    expect(f.current.againstTargetPence).toBe(3_172_000 - 9_500_000);
    expect(f.factor).toBeGreaterThanOrEqual(1);
    expect(f.calibratedTotalPence).toBeLessThanOrEqual(9_500_000);
    // the price grows to about 9,500,000 / 125 = 76,000 a point; 76,000 exactly fits (total 9,500,000)
    expect(f.prices[0]!.after).toBeGreaterThanOrEqual(76_000);
    expect(9_500_000 - f.calibratedTotalPence).toBeLessThanOrEqual(f.people);
  });

  it('people a version cannot evaluate are counted as excluded and cost nothing', () => {
    const g = calibrate(compilePolicy(yearly), encodeCohort([...people, who('F', 'mental-health', '45-64', 'lots', 'high')]), {
      asOf,
      budgetPence: 3_000_000,
      contingencyPercent: 5,
    });
    expect(g.people).toBe(3);
    expect(g.excluded).toBe(1);
    expect(g.prices[0]!.after).toBe(22_800.0071);
  });
});

describe('calibrating band tables and client-group tables', () => {
  it('scales every band amount by the one factor, rounded to the penny', () => {
    // bands a year: 0–19 £0, 20–49 £1,000, 50+ £2,500; points 15, 40, 70 → 0 + 100,000 + 250,000 = 350,000.
    // Target 300,000 (no contingency). round(100,000f) + round(250,000f) ≤ 300,000:
    //   f = 6/7: 85,714.29 → 85,714 and 214,285.71 → 214,286 = 300,000 exactly;
    //   100,000f reaches 85,714.5 (f = 0.857145) before 250,000f reaches 214,286.5 (f = 0.857146),
    //   and then the total is 300,001. So the bands become 85,714 and 214,286.
    const bands = basePolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'year',
          bands: [
            { from: 0, to: 19, pence: 0 },
            { from: 20, to: 49, pence: 100_000 },
            { from: 50, pence: 250_000 },
          ],
        },
      },
    });
    const c = calibrate(compilePolicy(bands), encodeCohort(people), { asOf, budgetPence: 300_000, contingencyPercent: 0 });
    expect(c.current.totalPence).toBe(350_000);
    const scaled = c.calibratedPolicy.pricing.default as { bands: Array<{ pence: number }> };
    expect(scaled.bands.map((b) => b.pence)).toEqual([0, 85_714, 214_286]);
    expect(scaled.bands.map((b) => b.pence)).toEqual([0, 100_000, 250_000].map((p) => Math.round(p * c.factor)));
    expect(c.calibratedTotalPence).toBe(300_000);
    expect(c.prices).toEqual([
      { table: 'default', method: 'bands', before: 250_000, after: 214_286, unit: 'pence a band (top band shown)' },
    ]);
    // the band edges are untouched
    expect((c.calibratedPolicy.pricing.default as { bands: Array<{ from: number }> }).bands.map((b) => b.from)).toEqual([0, 20, 50]);
  });

  it('scalePolicy multiplies band amounts and rounds them half-up', () => {
    const bands = basePolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'week',
          bands: [
            { from: 0, to: 9, pence: 0 },
            { from: 10, to: 29, pence: 1_005 },
            { from: 30, pence: 2_001 },
          ],
        },
      },
    });
    // 1,005 × 0.9 = 904.5 → 905; 2,001 × 0.9 = 1,800.9 → 1,801
    expect((scalePolicy(bands, 0.9).pricing.default as { bands: Array<{ pence: number }> }).bands.map((b) => b.pence)).toEqual([
      0, 905, 1_801,
    ]);
  });

  it('scales client-group tables by the same factor as the standard table', () => {
    // standard £253.76 a point a year, learning disability £275.60 (530 × 52)
    const two = basePolicy({ pricing: { default: ppp(25_376, 'year'), byClientGroup: { 'learning-disability': ppp(27_560, 'year') } } });
    // scalePolicy at 0.9: 25,376 × 0.9 = 22,838.4; 27,560 × 0.9 = 24,804
    expect(scalePolicy(two, 0.9).pricing).toEqual({
      default: ppp(22_838.4, 'year'),
      byClientGroup: { 'learning-disability': ppp(24_804, 'year') },
    });
    // A 15 and B 70 points at the standard price, L 40 points at the learning disability price:
    // 85 × 25,376 + 40 × 27,560 = 2,156,960 + 1,102,400 = 3,259,360 today.
    const cohort = encodeCohort([people[0]!, people[1]!, who('L', 'learning-disability', '25-44', 'some', 'high')]);
    const c = calibrate(compilePolicy(two), cohort, { asOf, budgetPence: 3_000_000, contingencyPercent: 0 });
    expect(c.current.totalPence).toBe(3_259_360);
    const [standard, ld] = c.prices;
    expect(standard!.table).toBe('default');
    expect(ld!.table).toBe('learning-disability');
    expect(standard!.after).toBe(Math.round(25_376 * c.factor * 10_000) / 10_000);
    expect(ld!.after).toBe(Math.round(27_560 * c.factor * 10_000) / 10_000);
    // both prices fall by the same proportion, to within the four-decimal rounding
    expect(Math.abs(standard!.after / 25_376 - ld!.after / 27_560)).toBeLessThan(1e-8);
    expect(c.calibratedTotalPence).toBeLessThanOrEqual(3_000_000);
    expect(totalUnder(c.calibratedPolicy, cohort)).toBe(c.calibratedTotalPence);
    // about 3,000,000 / 3,259,360 = 0.92043 of today's prices
    expect(c.factor).toBeCloseTo(3_000_000 / 3_259_360, 4);
  });
});

describe('a target no price within the policy format can reach is reported, never passed off as met', () => {
  const cohort = encodeCohort(people);

  it('amounts rounded up to the pound cost at least £1 each, so a smaller target leaves a negative gap', () => {
    // At the lowest price a point may have (0.0001p a year), 15, 70 and 40 points cost fractions of a
    // penny, each rounded up to £1: 300p in all, against a target of 250p.
    const poundsUp = basePolicy({ pricing: { default: ppp(25_376, 'year') }, rounding: { unit: 'pound', mode: 'up' } });
    const c = calibrate(compilePolicy(poundsUp), cohort, { asOf, budgetPence: 250, contingencyPercent: 0 });
    expect(c.calibratedTotalPence).toBe(300);
    expect(c.gapPence).toBe(-50);
    expect(c.reached).toBe('lowest-prices');
    expect(c.prices[0]!.after).toBe(0.0001);
  });

  it('a budget beyond the highest price a point may have stops at that price, with the rest left over', () => {
    // The schema allows at most 1,000,000p a point: 125 points × 1,000,000 = 125,000,000p, against 200,000,000p.
    const c = calibrate(compilePolicy(yearly), cohort, { asOf, budgetPence: 200_000_000, contingencyPercent: 0 });
    expect(c.prices[0]!.after).toBe(1_000_000);
    expect(c.calibratedTotalPence).toBe(125_000_000);
    expect(c.gapPence).toBe(75_000_000);
    expect(c.reached).toBe('highest-prices');
    expect(() => compilePolicy(c.calibratedPolicy)).not.toThrow();
  });

  it('a reachable target is reported as reached', () => {
    expect(calibrate(compilePolicy(yearly), cohort, { asOf, budgetPence: 3_000_000, contingencyPercent: 5 }).reached).toBe('target');
  });
});
