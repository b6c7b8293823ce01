/**
 * Affordability and calibration: what a version costs over a cohort against a budget, the price per
 * point (or uniform scaling of band amounts) that makes the cohort fit the budget after contingency,
 * and how the total moves across a range of prices.
 */

import { compilePolicy, type CompiledPolicy } from '../compile.js';
import { policySchema } from '../schema.js';
import type { Band, IsoDate, Policy, Pricing } from '../policy.js';
import { currentCost, type CurrentCostComparison } from './compare.js';
import { allocate } from '../allocation.js';
import { multiplyDivide, PRICE_STEPS_A_PENNY, roundPrice, scaled } from '../money.js';
import { carerOf, type EncodedCohort } from './encoded-cohort.js';
import { compileFastEvaluator } from './fast-evaluator.js';

export interface CalibrationOptions {
  asOf: IsoDate;
  budgetPence: number;
  /** Share of the budget held back, e.g. 5 for 5%. */
  contingencyPercent: number;
  /** Price levels for the sensitivity table, as percentages of the current prices (default 80 to 120 by 5). */
  sensitivityPercents?: number[];
}

export interface TablePrice {
  table: string;
  method: Pricing['method'];
  before: number;
  after: number;
  unit: 'pence a point' | 'pence a band (top band shown)' | 'pence an hour';
}

export interface Calibration {
  budgetPence: number;
  contingencyPercent: number;
  targetPence: number;
  people: number;
  excluded: number;
  current: { totalPence: number; againstBudgetPence: number; againstTargetPence: number };
  factor: number;
  prices: TablePrice[];
  calibratedPolicy: Policy;
  calibratedTotalPence: number;
  /**
   * Target minus the calibrated total: what is left unspent, at most the smallest step the prices allow
   * when the target is reached. Negative when even the lowest prices a policy may have cost more than the
   * target (amounts rounded up to the pound give everyone with points at least £1); larger when even the
   * highest prices cost less.
   */
  gapPence: number;
  /** Whether prices within the policy format's limits could reach the target, and if not, which limit stopped them. */
  reached: 'target' | 'lowest-prices' | 'highest-prices';
  sensitivity: Array<{ percent: number; factor: number; totalPence: number; againstBudgetPence: number }>;
  currentCost: CurrentCostComparison | null;
}

/**
 * @example
 *   const c = calibrate(compiled, cohort, { asOf: '2011-04-01', budgetPence: 25_000_000_00, contingencyPercent: 5 });
 *   c.prices[0].after; // the price per point that fits 95% of £25m
 */
export function calibrate(compiled: CompiledPolicy, cohort: EncodedCohort, options: CalibrationOptions): Calibration {
  // budget × (100 − contingency)%, exactly, rounded down: the contingency is held back in full.
  const targetPence = multiplyDivide(options.budgetPence, 10_000 - scaled(options.contingencyPercent, 2), 10_000, 'down');
  const profile = costProfile(compiled, cohort, options.asOf);
  const totalAt = (factor: number) => profile.total(scalePolicy(compiled.policy, factor));
  const currentTotal = totalAt(1);
  const factor = largestFactorWithin(compiled.policy, totalAt, targetPence, currentTotal);
  const calibratedPolicy = scalePolicy(compiled.policy, factor);
  const calibratedTotal = totalAt(factor);
  const gapPence = targetPence - calibratedTotal;
  return {
    budgetPence: options.budgetPence,
    contingencyPercent: options.contingencyPercent,
    targetPence,
    people: profile.people,
    excluded: profile.excluded,
    current: {
      totalPence: currentTotal,
      againstBudgetPence: currentTotal - options.budgetPence,
      againstTargetPence: currentTotal - targetPence,
    },
    factor,
    prices: tablePrices(compiled.policy, calibratedPolicy),
    calibratedPolicy,
    calibratedTotalPence: calibratedTotal,
    gapPence,
    reached: gapPence < 0 ? 'lowest-prices' : factor >= highestFactor(compiled.policy) && gapPence > 0 ? 'highest-prices' : 'target',
    sensitivity: (options.sensitivityPercents ?? [80, 85, 90, 95, 100, 105, 110, 115, 120]).map((percent) => {
      const total = totalAt(percent / 100);
      return { percent, factor: percent / 100, totalPence: total, againstBudgetPence: total - options.budgetPence };
    }),
    currentCost: profile.currentCost(compilePolicy(calibratedPolicy)),
  };
}

/**
 * Every price of the policy times one factor: prices per point to the places a price may have, band amounts and
 * hourly rates to the penny, all rounded half-up. The points side of the policy is untouched.
 */
export function scalePolicy(policy: Policy, factor: number): Policy {
  const scale = (pricing: Pricing): Pricing => {
    switch (pricing.method) {
      case 'price-per-point':
        return {
          ...pricing,
          pencePerPoint: within(PRICE_LIMITS.pencePerPoint, roundPrice(pricing.pencePerPoint * factor)),
          ...(pricing.basePence === undefined ? {} : { basePence: within(PRICE_LIMITS.basePence, Math.round(pricing.basePence * factor)) }),
        };
      case 'bands':
        return {
          ...pricing,
          // A band whose outcome has no amount stays as it is: scaling never prices it.
          bands: pricing.bands.map((b) =>
            b.pence === undefined ? b : { ...b, pence: within(PRICE_LIMITS.bandPence, Math.round(b.pence * factor)) },
          ),
        };
      case 'hour-bands':
        return { ...pricing, hourlyRatePence: within(PRICE_LIMITS.hourlyRatePence, Math.round(pricing.hourlyRatePence * factor)) };
    }
  };
  const byClientGroup = policy.pricing.byClientGroup
    ? Object.fromEntries(Object.entries(policy.pricing.byClientGroup).map(([g, p]) => [g, scale(p)]))
    : undefined;
  return { ...policy, pricing: { default: scale(policy.pricing.default), ...(byClientGroup ? { byClientGroup } : {}) } };
}

/** The lowest and highest each price may be, from the policy schema: a scaled policy is always a valid one. */
const PRICE_LIMITS = {
  pencePerPoint: { min: 1 / PRICE_STEPS_A_PENNY, max: policySchema.$defs.pencePerPoint.maximum },
  basePence: { min: 0, max: policySchema.$defs.pricePerPoint.properties.basePence.maximum },
  bandPence: { min: 0, max: policySchema.$defs.bandTable.properties.bands.items.properties.pence.maximum },
  hourlyRatePence: {
    min: policySchema.$defs.hourlyRatePence.minimum,
    max: policySchema.$defs.hourlyRatePence.maximum,
  },
};

function within(limits: { min: number; max: number }, value: number): number {
  return Math.min(limits.max, Math.max(limits.min, value));
}

/** The factor past which every price is at its maximum, so no larger factor changes anything. */
function highestFactor(policy: Policy): number {
  const tables = [policy.pricing.default, ...Object.values(policy.pricing.byClientGroup ?? {})];
  return Math.max(
    ...tables.flatMap((p) =>
      p.method === 'price-per-point'
        ? [PRICE_LIMITS.pencePerPoint.max / p.pencePerPoint, ...(p.basePence ? [PRICE_LIMITS.basePence.max / p.basePence] : [])]
        : p.method === 'bands'
          ? p.bands.flatMap((b) => (b.pence ? [PRICE_LIMITS.bandPence.max / b.pence] : []))
          : [PRICE_LIMITS.hourlyRatePence.max / p.hourlyRatePence],
    ),
  );
}

/**
 * Total cost rises with the factor, so bisection finds the largest factor whose total is within the
 * target. Cost is close to proportional to the prices, so a narrow bracket around the proportional
 * estimate usually holds the answer (it is widened until it does). Prices are rounded, so the search
 * ends when the prices at the two ends of the bracket are one rounding step apart in every table.
 */
function largestFactorWithin(policy: Policy, totalAt: (f: number) => number, target: number, currentTotal: number): number {
  if (target <= 0) return 0;
  const ceiling = highestFactor(policy);
  if (totalAt(ceiling) <= target) return ceiling;
  const estimate = currentTotal > 0 ? target / currentTotal : 1;
  let low = estimate * 0.999;
  let high = estimate * 1.001;
  while (low > 0 && totalAt(low) > target) low = low < 1e-9 ? 0 : low / 2;
  while (totalAt(high) <= target && high < ceiling) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 100 && !oneStepApart(priceSteps(policy, low), priceSteps(policy, high)); i++) {
    const mid = (low + high) / 2;
    if (totalAt(mid) <= target) low = mid;
    else high = mid;
  }
  return low;
}

/** Each table's price in its smallest steps (PRICE_STEPS_A_PENNY a penny for a price per point, pence for bands and rates). */
function priceSteps(policy: Policy, factor: number): number[] {
  const scaledPolicy = scalePolicy(policy, factor);
  const tables = [scaledPolicy.pricing.default, ...Object.values(scaledPolicy.pricing.byClientGroup ?? {})];
  return tables.flatMap((p) =>
    p.method === 'price-per-point'
      ? [Math.round(p.pencePerPoint * PRICE_STEPS_A_PENNY), ...(p.basePence === undefined ? [] : [p.basePence])]
      : p.method === 'bands'
        ? p.bands.flatMap((b) => (b.pence === undefined ? [] : [b.pence]))
        : [p.hourlyRatePence],
  );
}

function oneStepApart(low: number[], high: number[]): boolean {
  return low.every((value, i) => high[i]! - value <= 1);
}

/**
 * The cohort reduced to what calibration needs. Scaling touches prices only, so each person's points
 * and carer reduction are fixed; people who share an allocation table, a total and a carer reduction
 * get the same amount under any prices, so each such group is priced once, through allocate().
 */
function costProfile(compiled: CompiledPolicy, cohort: EncodedCohort, asOf: IsoDate) {
  const evaluate = compileFastEvaluator(withoutRules(compiled), cohort, asOf);
  const groups = new Map<string, { person: number; totalMilli: number; count: number }>();
  const included: number[] = [];
  let excluded = 0;
  for (let i = 0; i < cohort.size; i++) {
    const outcome = evaluate(i);
    if ('error' in outcome) {
      excluded++;
      continue;
    }
    // Not eligible, or a band's outcome without an amount: no price changes that, so it costs nothing.
    if (outcome.outcome !== null) continue;
    included.push(i);
    const table = Object.hasOwn(compiled.policy.pricing.byClientGroup ?? {}, cohort.clientGroups[cohort.clientGroupOf[i]!]!)
      ? cohort.clientGroupOf[i]
      : 'default';
    const key = `${table}|${outcome.totalMilli}|${outcome.carerReductionApplied ? outcome.carerReductionPercent : 'none'}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { person: i, totalMilli: outcome.totalMilli, count: 1 });
  }
  const members = [...groups.values()].map((g) => ({
    ...g,
    clientGroup: cohort.clientGroups[cohort.clientGroupOf[g.person]!]!,
    carer: carerOf(cohort, g.person),
  }));
  return {
    people: included.length,
    excluded,
    total(policy: Policy): number {
      let total = 0;
      for (const m of members) {
        const pricing = policy.pricing.byClientGroup?.[m.clientGroup] ?? policy.pricing.default;
        const allocation = allocate(compiled, pricing, m.totalMilli, m.carer, asOf);
        if (allocation.pence !== null) total += m.count * allocation.lines.periods.annualPence;
      }
      return total;
    },
    currentCost(calibrated: CompiledPolicy): CurrentCostComparison | null {
      const fast = compileFastEvaluator(withoutRules(calibrated), cohort, asOf);
      const amounts = new Float64Array(cohort.size).fill(NaN);
      const mask = new Uint8Array(cohort.size);
      for (const i of included) {
        amounts[i] = (fast(i) as { annualPence: number }).annualPence;
        mask[i] = 1;
      }
      return currentCost(amounts, mask, cohort);
    },
  };
}

/** Rules raise flags and never move money, so calibration leaves them out. */
function withoutRules(compiled: CompiledPolicy): CompiledPolicy {
  return compilePolicy({ ...compiled.policy, version: `${compiled.policy.version}-amounts`, rules: [] });
}

function tablePrices(before: Policy, after: Policy): TablePrice[] {
  const tables: Array<[string, Pricing, Pricing]> = [
    ['default', before.pricing.default, after.pricing.default],
    ...Object.entries(before.pricing.byClientGroup ?? {}).map(
      ([g, p]) => [g, p, after.pricing.byClientGroup![g]!] as [string, Pricing, Pricing],
    ),
  ];
  return tables.map(([table, was, now]) => {
    switch (was.method) {
      case 'price-per-point':
        return {
          table,
          method: was.method,
          before: was.pencePerPoint,
          after: (now as typeof was).pencePerPoint,
          unit: 'pence a point' as const,
        };
      case 'bands':
        return {
          table,
          method: was.method,
          before: topPricedBand(was.bands),
          after: topPricedBand((now as typeof was).bands),
          unit: 'pence a band (top band shown)' as const,
        };
      case 'hour-bands':
        return {
          table,
          method: was.method,
          before: was.hourlyRatePence,
          after: (now as typeof was).hourlyRatePence,
          unit: 'pence an hour' as const,
        };
      default:
        throw new Error(`unknown pricing method in table ${table}`);
    }
  });
}

/** The amount of the highest band that has one (a table may stop being priced at the top). */
function topPricedBand(bands: readonly Band[]): number {
  return [...bands].reverse().find((b) => b.pence !== undefined)?.pence ?? 0;
}
