import type { CarerSituation } from './assessment.js';
import { adjustForCarer } from './carer-adjustment.js';
import type { CompiledPolicy } from './compile.js';
import type { CarerLine, PeriodsLine, PricingLine, RoundingLine, UpliftLine } from './explanation.js';
import { convertPeriods } from './periods.js';
import type { IsoDate, Pricing } from './policy.js';
import { price } from './pricing.js';
import { roundAllocation } from './rounding.js';
import { applyUplifts } from './uplift.js';

export interface Allocation {
  priced: PricingLine;
  carer: CarerLine;
  uplifts: UpliftLine[];
  rounded: RoundingLine;
  periods: PeriodsLine;
}

/**
 * The money steps, from weighted points to the allocation in every period: price, carer adjustment,
 * uplifts, rounding, periods. One function for the single evaluation, the cohort fast path and
 * calibration, so their arithmetic cannot drift apart.
 */
export function allocate(
  compiled: CompiledPolicy,
  pricing: Pricing,
  totalMilli: number,
  carer: CarerSituation | undefined,
  asOf: IsoDate,
): Allocation {
  const { policy } = compiled;
  const mode = policy.rounding.mode;
  const priced = price(pricing, totalMilli, mode);
  const carerLine = adjustForCarer(policy.carerAdjustment, carer, priced.pence, mode);
  const uplifts = applyUplifts(compiled.uplifts, asOf, carerLine.afterPence, mode);
  const rounded = roundAllocation(uplifts.at(-1)?.afterPence ?? carerLine.afterPence, policy.rounding, pricing.period);
  const periods = convertPeriods(rounded.afterPence, rounded.period, compiled.weeksPerYear10k);
  return { priced, carer: carerLine, uplifts, rounded, periods };
}
