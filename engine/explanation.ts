/**
 * The explanation is data: one line per fact that went into the amount, in pipeline order.
 * The console and API clients read it as JSON; explain.ts renders it as words for a letter.
 * Its shape has one statement, rules/result.schema.json; the types are generated from it
 * (engine/contract/result.ts, npm run contracts) and grouped here as the pipeline uses them.
 */

import type { BandPricingLine, HourBandPricingLine, OneOffAwardLine, PricePerPointLine, YearlyAwardLine } from './contract/result.js';

export type {
  AnswerLine,
  BandPricingLine,
  CarerLine,
  CarerReason,
  ConditionExplanation,
  ContributionLine,
  DomainLine,
  EligibilityLine,
  ExplanationLine,
  Flag,
  HourBandPricingLine,
  MaximumLine,
  OneOffAwardLine,
  OutcomeBandLine,
  PeriodsLine,
  PersonLine,
  PricePerPointLine,
  RequestedLine,
  RoundingLine,
  RuleLine,
  TableLine,
  TotalLine,
  UpliftLine,
  YearlyAwardLine,
} from './contract/result.js';

/** How the pricing step priced an amount: per point, by a band of money, or by a band of hours. */
export type PricingLine = PricePerPointLine | BandPricingLine | HourBandPricingLine;

/** Which band of a table the whole-point total fell in: how every band's pricing line starts. */
export type BandPlace = Pick<BandPricingLine, 'step' | 'wholePoints' | 'band' | 'label' | 'from' | 'to'>;

/** How the amount is paid, for a policy with award periods. */
export type AwardLine = OneOffAwardLine | YearlyAwardLine;
