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
import { MONEY_STEPS, type MoneyStep } from './pipeline.js';

/** Each money step's line, or lines, by the step's name; null for a step the policy (or the assessment) does not have. */
export interface MoneyLines {
  'carer-adjustment': CarerLine;
  uplift: UpliftLine[];
  rounding: RoundingLine;
  maximum: MaximumLine | null;
  requested: RequestedLine | null;
  contribution: ContributionLine | null;
  periods: PeriodsLine;
  award: AwardLine | null;
}

export interface Allocation {
  priced: PricingLine;
  /** The indicative allocation, in the table's period. */
  pence: number;
  /** The lines of the money steps after pricing, by step. */
  lines: MoneyLines;
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

/** What a money step works on: the amount the steps before it left, in the table's period. */
interface Working {
  readonly compiled: CompiledPolicy;
  readonly period: Period;
  readonly carer: CarerSituation | undefined;
  readonly asOf: IsoDate;
  readonly inputs: MoneyInputs;
  pence: number;
}

/**
 * What each money step does. A step whose line has an `afterPence` passes that amount to the next; the
 * others (the contribution, the periods, the award) read the amount without changing it.
 */
const MONEY: { readonly [S in MoneyStep]: (w: Working) => MoneyLines[S] } = {
  'carer-adjustment': (w) => adjustForCarer(w.compiled.policy.carerAdjustment, w.carer, w.pence, w.compiled.policy.rounding.mode),
  uplift: (w) => applyUplifts(w.compiled.uplifts, w.asOf, w.pence, w.compiled.policy.rounding.mode),
  rounding: (w) => roundAllocation(w.pence, w.compiled.policy.rounding, w.period),
  // After rounding, so that rounding up can never take an amount over the maximum.
  maximum: (w) => limitToMaximum(w.compiled.policy.maximum, w.pence, w.period),
  requested: (w) => lesserOfRequested(w.compiled.policy, w.inputs.requested, w.pence, w.period),
  contribution: (w) => splitByContribution(w.compiled.policy, w.inputs.contribution, w.pence, w.period),
  periods: (w) => convertPeriods(w.pence, w.period, w.compiled.weeksPerYear10k),
  award: (w) => payAward(w.compiled.policy.award, w.pence, w.inputs.startDate, w.asOf, w.compiled.policy.rounding),
};

/** MONEY_STEPS, each making a line of MoneyLines; the type is never, and this does not compile, while a line has no step. */
const EVERY_LINE: Exclude<keyof MoneyLines, MoneyStep> extends never ? readonly MoneyStep[] : never = MONEY_STEPS;

/** The money steps' functions in MONEY_STEPS' order, found once: allocate() runs for every distinct amount. */
const IN_ORDER = EVERY_LINE.map((step) => ({ step, run: MONEY[step] as (w: Working) => MoneyLines[MoneyStep] }));

/**
 * The money steps, from weighted points to the allocation in every period: pricing, then each of
 * MONEY_STEPS in the order pipeline.ts states. A band whose outcome has no amount stops at pricing. One
 * function for the single evaluation, the cohort fast path and calibration, so their arithmetic cannot
 * drift apart.
 */
export function allocate(
  compiled: CompiledPolicy,
  pricing: Pricing,
  totalMilli: number,
  carer: CarerSituation | undefined,
  asOf: IsoDate,
  inputs: MoneyInputs = {},
): Allocation | WithoutAmount {
  const priced = price(pricing, totalMilli, compiled.policy.rounding.mode, compiled.outcomes);
  if ('outcome' in priced) return { priced, pence: null };
  const working: Working = { compiled, period: pricing.period, carer, asOf, inputs, pence: priced.pence };
  // Filled by the loop, a line (or lines) for each step, and every line has its step (EVERY_LINE).
  const lines = {} as Record<MoneyStep, MoneyLines[MoneyStep]>;
  for (const { step, run } of IN_ORDER) {
    const made = run(working);
    lines[step] = made;
    const last: { step: string; afterPence?: number } | null | undefined = Array.isArray(made) ? made[made.length - 1] : made;
    if (last?.afterPence !== undefined) working.pence = last.afterPence;
  }
  return { priced, pence: working.pence, lines: lines as MoneyLines };
}
