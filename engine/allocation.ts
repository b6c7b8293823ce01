import type { CarerSituation } from './assessment.js';
import { adjustForCarer } from './carer-adjustment.js';
import type { CompiledPolicy } from './compile.js';
import type {
  CarerLine,
  ContributionLine,
  MaximumLine,
  PeriodsLine,
  PricingLine,
  RequestedLine,
  RoundingLine,
  UpliftLine,
} from './explanation.js';
import { splitByContribution } from './contribution.js';
import { limitToMaximum } from './maximum.js';
import { lesserOfRequested } from './requested-amount.js';
import { convertPeriods } from './periods.js';
import type { IsoDate, Period, Pricing } from './policy.js';
import { price } from './pricing.js';
import { roundAllocation } from './rounding.js';
import { applyUplifts } from './uplift.js';

export interface Allocation {
  priced: PricingLine;
  carer: CarerLine;
  uplifts: UpliftLine[];
  rounded: RoundingLine;
  /** Only when the policy has a maximum (format 2). */
  maximum: MaximumLine | null;
  /** Only when the policy pays the lesser of its amount and a requested one, and one was given (format 2). */
  requested: RequestedLine | null;
  /** Only when the policy splits the budget by the person's contribution, and one was given (format 2). */
  contribution: ContributionLine | null;
  /** The indicative allocation, in the table's period. */
  pence: number;
  periods: PeriodsLine;
}

/**
 * The money steps, from weighted points to the allocation in every period: price, carer adjustment,
 * uplifts, rounding, the maximum and the lesser of a requested amount (if the policy has them), periods. One function for the single evaluation, the cohort fast path and
 * calibration, so their arithmetic cannot drift apart.
 */
export function allocate(
  compiled: CompiledPolicy,
  pricing: Pricing,
  totalMilli: number,
  carer: CarerSituation | undefined,
  asOf: IsoDate,
  amounts: { requested?: { pence: number; period: Period }; contribution?: { pence: number; period: Period } } = {},
): Allocation {
  const { policy } = compiled;
  const mode = policy.rounding.mode;
  const priced = price(pricing, totalMilli, mode);
  const carerLine = adjustForCarer(policy.carerAdjustment, carer, priced.pence, mode);
  const uplifts = applyUplifts(compiled.uplifts, asOf, carerLine.afterPence, mode);
  const rounded = roundAllocation(uplifts.at(-1)?.afterPence ?? carerLine.afterPence, policy.rounding, pricing.period);
  // After rounding, so that rounding up can never take an amount over the maximum.
  const maximum = limitToMaximum(policy.maximum, rounded.afterPence, rounded.period);
  const requested = lesserOfRequested(policy, amounts.requested, maximum?.afterPence ?? rounded.afterPence, rounded.period);
  const pence = requested?.afterPence ?? maximum?.afterPence ?? rounded.afterPence;
  const contribution = splitByContribution(policy, amounts.contribution, pence, rounded.period);
  const periods = convertPeriods(pence, rounded.period, compiled.weeksPerYear10k);
  return { priced, carer: carerLine, uplifts, rounded, maximum, requested, contribution, pence, periods };
}
