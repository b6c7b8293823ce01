import type { CarerSituation } from './assessment.js';
import { adjustForCarer } from './carer-adjustment.js';
import type { CompiledPolicy } from './compile.js';
import { payAward } from './award.js';
import type {
  AwardLine,
  CarerLine,
  ContributionLine,
  MaximumLine,
  OutcomeBandLine,
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
  /** Only when the policy has a maximum. */
  maximum: MaximumLine | null;
  /** Only when the policy pays the lesser of its amount and a requested one, and one was given. */
  requested: RequestedLine | null;
  /** Only when the policy splits the budget by the person's contribution, and one was given. */
  contribution: ContributionLine | null;
  /** The indicative allocation, in the table's period. */
  pence: number;
  periods: PeriodsLine;
  /** Only for a policy with award periods: what is paid, once or for the rest of the year. */
  award: AwardLine | null;
}

/** A band whose outcome has no amount: nothing after pricing applies. */
export interface WithoutAmount {
  priced: OutcomeBandLine;
  pence: null;
}

/** What the assessment adds to the money steps: amounts requested and contributed, the award's start. */
export interface MoneyInputs {
  requested?: { pence: number; period: Period };
  contribution?: { pence: number; period: Period };
  startDate?: IsoDate;
}

/**
 * The money steps, from weighted points to the allocation in every period: price, carer adjustment,
 * uplifts, rounding, the maximum and the lesser of a requested amount (if the policy has them),
 * periods, and the award paid (one-off or pro rata, if the policy has award periods). A band whose
 * outcome has no amount stops at pricing. One function for the single evaluation, the cohort fast
 * path and calibration, so their arithmetic cannot drift apart.
 */
export function allocate(
  compiled: CompiledPolicy,
  pricing: Pricing,
  totalMilli: number,
  carer: CarerSituation | undefined,
  asOf: IsoDate,
  inputs: MoneyInputs = {},
): Allocation | WithoutAmount {
  const { policy } = compiled;
  const mode = policy.rounding.mode;
  const priced = price(pricing, totalMilli, mode, compiled.outcomes);
  if ('outcome' in priced) return { priced, pence: null };
  const carerLine = adjustForCarer(policy.carerAdjustment, carer, priced.pence, mode);
  const uplifts = applyUplifts(compiled.uplifts, asOf, carerLine.afterPence, mode);
  const rounded = roundAllocation(uplifts.at(-1)?.afterPence ?? carerLine.afterPence, policy.rounding, pricing.period);
  // After rounding, so that rounding up can never take an amount over the maximum.
  const maximum = limitToMaximum(policy.maximum, rounded.afterPence, rounded.period);
  const requested = lesserOfRequested(policy, inputs.requested, maximum?.afterPence ?? rounded.afterPence, rounded.period);
  const pence = requested?.afterPence ?? maximum?.afterPence ?? rounded.afterPence;
  const contribution = splitByContribution(policy, inputs.contribution, pence, rounded.period);
  const periods = convertPeriods(pence, rounded.period, compiled.weeksPerYear10k);
  const award = payAward(policy.award, pence, inputs.startDate, asOf, policy.rounding);
  return { priced, carer: carerLine, uplifts, rounded, maximum, requested, contribution, pence, periods, award };
}
