/**
 * The explanation is data: one line per fact that went into the amount, in pipeline order.
 * The console and API clients read it as JSON; explain.ts renders it as words for a letter.
 */

import type { FlagSeverity, IsoDate, Operator, Period, RoundingMode, RoundingUnit } from './policy.js';

export interface PersonLine {
  step: 'person';
  asOf: IsoDate;
  age: number;
  ageFrom: 'age' | 'date-of-birth';
  clientGroup: string;
  clientGroupLabel: string;
  questionnaire: string;
  questionnaireLabel: string;
}

export interface AnswerLine {
  step: 'answer';
  question: string;
  questionText: string;
  domain: string;
  /** null when an optional question was left unanswered. */
  answer: string | null;
  answerText: string | null;
  notApplicable: boolean;
  points: number;
}

export interface DomainLine {
  step: 'domain';
  domain: string;
  label: string;
  rawPoints: number;
  weight: number;
  weightedPoints: number;
}

export interface TotalLine {
  step: 'total';
  points: number;
  wholePoints: number;
  /** When the assessment gave the points instead of answers (policy format 2): which figures it gave. */
  given?: 'total' | 'domains';
}

export interface TableLine {
  step: 'allocation-table';
  clientGroup: string;
  table: 'default' | 'client-group';
  method: 'price-per-point' | 'bands' | 'hour-bands';
  period: Period;
}

export type PricingLine =
  | {
      step: 'pricing';
      method: 'price-per-point';
      points: number;
      pencePerPoint: number;
      /** With a base amount (schemaVersion 2): the base, and the points' part; pence is their sum. */
      basePence?: number;
      pointsPence?: number;
      period: Period;
      pence: number;
    }
  | (BandPlace & { method: 'bands'; period: Period; pence: number })
  | (BandPlace & { method: 'hour-bands'; hours: number; hourlyRatePence: number; period: Period; pence: number });

/** Which band of a table the whole-point total fell in: how every band's pricing line starts. */
export interface BandPlace {
  step: 'pricing';
  wholePoints: number;
  /** Numbered from 1, as the table is read. */
  band: number;
  label: string | null;
  from: number;
  to: number | null;
}

/**
 * A band whose outcome has no amount (policy format 2): the steps after pricing do not run, and the
 * result carries the outcome instead of an amount.
 */
export interface OutcomeBandLine extends BandPlace {
  method: 'bands' | 'hour-bands';
  period: Period;
  outcome: { id: string; label: string; words: string };
}

/** The eligibility conditions (policy format 2), tested in the policy's order before anything is priced. */
export interface EligibilityLine {
  step: 'eligibility';
  condition: string;
  label: string;
  met: boolean;
  /** Said to the person when the condition is not met. */
  reason: string;
  conditions: ConditionExplanation;
}

/** How the amount is paid, for a policy with award periods (policy format 2). */
export type AwardLine =
  | { step: 'award'; kind: 'one-off'; words: string | null; pence: number }
  | {
      step: 'award';
      kind: 'yearly';
      proRata: 'whole-months' | 'days';
      /** The award year the start falls in, first and last day. */
      yearFrom: IsoDate;
      yearTo: IsoDate;
      startDate: IsoDate | null;
      /** The share of the year paid: remaining over whole, in the unit the policy says. */
      remaining: number;
      whole: number;
      unit: 'months' | 'days';
      fullPence: number;
      pence: number;
    };

/** 'no-amount': the result has no amount to adjust (an outcome without one, or not eligible; format 2). */
export type CarerReason = 'applied' | 'no-carer-table' | 'no-carer' | 'not-willing' | 'not-able' | 'not-willing-or-able' | 'no-amount';

export interface CarerLine {
  step: 'carer-adjustment';
  applied: boolean;
  reason: CarerReason;
  supportLevel: string | null;
  supportLevelLabel: string | null;
  impact: string | null;
  impactLabel: string | null;
  percent: number;
  beforePence: number;
  reductionPence: number;
  afterPence: number;
}

export interface UpliftLine {
  step: 'uplift';
  from: IsoDate;
  percent: number;
  applied: boolean;
  reference: string | null;
  beforePence: number;
  upliftPence: number;
  afterPence: number;
}

export interface RoundingLine {
  step: 'rounding';
  unit: RoundingUnit;
  mode: RoundingMode;
  period: Period;
  beforePence: number;
  afterPence: number;
}

/** An amount over the policy's maximum, limited to it (policy format 2). */
export interface MaximumLine {
  step: 'maximum';
  maximumPence: number;
  period: Period;
  beforePence: number;
  /** How much the maximum took off: 0 when the amount was within it. */
  limitedByPence: number;
  afterPence: number;
  applied: boolean;
  route: { id: string; label: string; words: string };
}

/** The lesser of the amount and the one requested (policy format 2, lesserOfRequested). */
export interface RequestedLine {
  step: 'requested';
  label: string;
  requestedPence: number;
  period: Period;
  beforePence: number;
  afterPence: number;
  /** True when the requested amount was the lesser, and so is what is paid. */
  applied: boolean;
}

/** The budget split by the person's assessed contribution (policy format 2): the budget is unchanged. */
export interface ContributionLine {
  step: 'contribution';
  label: string;
  period: Period;
  budgetPence: number;
  /** The person's share: their assessed contribution, at most the whole budget. */
  personPence: number;
  councilPence: number;
}

export interface PeriodsLine {
  step: 'periods';
  period: Period;
  weeksPerYear: number;
  weeklyPence: number;
  monthlyPence: number;
  annualPence: number;
}

export type ConditionExplanation =
  | { all: ConditionExplanation[]; result: boolean }
  | { any: ConditionExplanation[]; result: boolean }
  | { not: ConditionExplanation; result: boolean }
  | { fact: string; path: string | null; operator: Operator; value: unknown; factValue: unknown; result: boolean };

export interface RuleLine {
  step: 'rule';
  rule: string;
  fired: boolean;
  flag: string;
  conditions: ConditionExplanation;
}

export type ExplanationLine =
  | PersonLine
  | AnswerLine
  | DomainLine
  | TotalLine
  | EligibilityLine
  | TableLine
  | PricingLine
  | OutcomeBandLine
  | CarerLine
  | UpliftLine
  | RoundingLine
  | MaximumLine
  | RequestedLine
  | ContributionLine
  | PeriodsLine
  | AwardLine
  | RuleLine;

export interface Flag {
  code: string;
  message: string;
  severity: FlagSeverity;
  rule: string;
}
