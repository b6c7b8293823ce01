/* Generated from rules/result.schema.json by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */

export type IsoDate = string;
/**
 * Only when there is no amount (schemaVersion 2): the band's named outcome (such as universal services or an individual assessment), or not eligible with the reasons. Never a budget of £0.
 */
export type ResultOutcome =
  | {
      kind: "without-amount";
      id: string;
      label: string;
      words: string;
    }
  | {
      kind: "not-eligible";
      reasons: {
        condition: string;
        label: string;
        reason: string;
      }[];
    };
/**
 * 'no-amount': the result has no amount to adjust (not eligible, or a band's outcome without one; schemaVersion 2).
 *
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "carerReason".
 */
export type CarerReason =
  "applied" | "no-carer-table" | "no-carer" | "not-willing" | "not-able" | "not-willing-or-able" | "no-amount";
/**
 * One fact that went into the amount, in pipeline order; `step` says which kind.
 *
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "explanationLine".
 */
export type ExplanationLine =
  | PersonLine
  | AnswerLine
  | DomainLine
  | TotalLine
  | TableLine
  | PricePerPointLine
  | BandPricingLine
  | OutcomeBandLine
  | HourBandPricingLine
  | CarerLine
  | UpliftLine
  | RoundingLine
  | MaximumLine
  | RequestedLine
  | ContributionLine
  | PeriodsLine
  | EligibilityLine
  | OneOffAwardLine
  | YearlyAwardLine
  | RuleLine;
/**
 * How a rule's conditions were judged, with the fact values used.
 *
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "conditionExplanation".
 */
export type ConditionExplanation =
  | {
      all: ConditionExplanation[];
      result: boolean;
    }
  | {
      any: ConditionExplanation[];
      result: boolean;
    }
  | {
      not: ConditionExplanation;
      result: boolean;
    }
  | {
      fact: string;
      path: string | null;
      operator:
        | "equal"
        | "notEqual"
        | "lessThan"
        | "lessThanInclusive"
        | "greaterThan"
        | "greaterThanInclusive"
        | "in"
        | "notIn"
        | "contains"
        | "doesNotContain";
      value: unknown;
      factValue: unknown;
      result: boolean;
    };
/**
 * The first day of the award year the start falls in.
 */
export type IsoDate1 = string;

/**
 * The indicative allocation for one assessment, with the version it came from and every step of how it was worked out.
 */
export interface EvaluationResult {
  provenance: Provenance;
  asOf: IsoDate;
  person: ResultPerson;
  points: ResultPoints;
  /**
   * Null, like the three period amounts, exactly when the result has an outcome without an amount (schemaVersion 2).
   */
  allocation: {
    period: "week" | "month" | "year";
    /**
     * An amount of money in whole pence.
     */
    pence: number;
  } | null;
  /**
   * An amount of money in whole pence.
   */
  weeklyPence: number | null;
  /**
   * An amount of money in whole pence.
   */
  monthlyPence: number | null;
  /**
   * An amount of money in whole pence.
   */
  annualPence: number | null;
  outcome?: ResultOutcome;
  /**
   * Only for a policy with award periods (schemaVersion 2): what is paid, once, or for the rest of the award year.
   */
  award?: {
    kind: "one-off" | "yearly";
    /**
     * An amount of money in whole pence.
     */
    pence: number;
  };
  carerAdjustment: {
    applied: boolean;
    reason: CarerReason;
    percent: number;
    /**
     * An amount of money in whole pence.
     */
    reductionPence: number;
  };
  /**
   * The budget split by the person's assessed contribution (schemaVersion 2, when one is given); the budget is unchanged.
   */
  contribution?: {
    period: "week" | "month" | "year";
    /**
     * An amount of money in whole pence.
     */
    personPence: number;
    /**
     * An amount of money in whole pence.
     */
    councilPence: number;
  };
  flags: Flag[];
  explanation: ExplanationLine[];
}
export interface Provenance {
  policyId: string;
  version: string;
  contentHash: string;
  engineVersion: string;
  /**
   * The assessment gave these points instead of answers (schemaVersion 2).
   */
  pointsGiven?: "total" | "domains";
}
export interface ResultPerson {
  reference: string | null;
  age: number;
  clientGroup: string;
  questionnaire: string;
}
export interface ResultPoints {
  total: number;
  wholePoints: number;
  byDomain: {
    domain: string;
    raw: number;
    weighted: number;
  }[];
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "flag".
 */
export interface Flag {
  code: string;
  message: string;
  severity: "info" | "review" | "action";
  rule: string;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "personLine".
 */
export interface PersonLine {
  step: "person";
  asOf: IsoDate;
  age: number;
  ageFrom: "age" | "date-of-birth";
  clientGroup: string;
  clientGroupLabel: string;
  questionnaire: string;
  questionnaireLabel: string;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "answerLine".
 */
export interface AnswerLine {
  step: "answer";
  question: string;
  questionText: string;
  domain: string;
  /**
   * Null when an optional question was left unanswered.
   */
  answer: string | null;
  answerText: string | null;
  notApplicable: boolean;
  points: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "domainLine".
 */
export interface DomainLine {
  step: "domain";
  domain: string;
  label: string;
  rawPoints: number;
  weight: number;
  weightedPoints: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "totalLine".
 */
export interface TotalLine {
  step: "total";
  points: number;
  wholePoints: number;
  /**
   * When the assessment gave the points instead of answers (schemaVersion 2): which figures it gave.
   */
  given?: "total" | "domains";
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "tableLine".
 */
export interface TableLine {
  step: "allocation-table";
  clientGroup: string;
  table: "default" | "client-group";
  method: "price-per-point" | "bands" | "hour-bands";
  period: "week" | "month" | "year";
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "pricePerPointLine".
 */
export interface PricePerPointLine {
  step: "pricing";
  method: "price-per-point";
  points: number;
  /**
   * Pence a point for the period, e.g. 488 for £4.88. At most four decimal places, so a calibrated price can be exact (488.3417).
   */
  pencePerPoint: number;
  /**
   * The base amount of the table (schemaVersion 2); pence is the base plus pointsPence.
   */
  basePence?: number;
  /**
   * The points priced and rounded, without the base (with a base amount only).
   */
  pointsPence?: number;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  pence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "bandPricingLine".
 */
export interface BandPricingLine {
  step: "pricing";
  method: "bands";
  wholePoints: number;
  /**
   * Which band the whole-point total fell in, numbered from 1 as the table is read.
   */
  band: number;
  label: string | null;
  from: number;
  to: number | null;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  pence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "outcomeBandLine".
 */
export interface OutcomeBandLine {
  step: "pricing";
  method: "bands" | "hour-bands";
  wholePoints: number;
  /**
   * Which band the whole-point total fell in, numbered from 1 as the table is read.
   */
  band: number;
  label: string | null;
  from: number;
  to: number | null;
  period: "week" | "month" | "year";
  /**
   * The band's outcome, which has no amount (schemaVersion 2): nothing after pricing applies.
   */
  outcome: {
    id: string;
    label: string;
    words: string;
  };
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "hourBandPricingLine".
 */
export interface HourBandPricingLine {
  step: "pricing";
  method: "hour-bands";
  wholePoints: number;
  /**
   * Which band the whole-point total fell in, numbered from 1 as the table is read.
   */
  band: number;
  label: string | null;
  from: number;
  to: number | null;
  hours: number;
  /**
   * Pence an hour: the price of one hour of support.
   */
  hourlyRatePence: number;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  pence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "carerLine".
 */
export interface CarerLine {
  step: "carer-adjustment";
  applied: boolean;
  reason: CarerReason;
  supportLevel: string | null;
  supportLevelLabel: string | null;
  impact: string | null;
  impactLabel: string | null;
  percent: number;
  /**
   * An amount of money in whole pence.
   */
  beforePence: number;
  /**
   * An amount of money in whole pence.
   */
  reductionPence: number;
  /**
   * An amount of money in whole pence.
   */
  afterPence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "upliftLine".
 */
export interface UpliftLine {
  step: "uplift";
  from: IsoDate;
  percent: number;
  applied: boolean;
  reference: string | null;
  /**
   * An amount of money in whole pence.
   */
  beforePence: number;
  upliftPence: number;
  /**
   * An amount of money in whole pence.
   */
  afterPence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "roundingLine".
 */
export interface RoundingLine {
  step: "rounding";
  unit: "penny" | "pound";
  mode: "up" | "down" | "half-up";
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  beforePence: number;
  /**
   * An amount of money in whole pence.
   */
  afterPence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "maximumLine".
 */
export interface MaximumLine {
  step: "maximum";
  /**
   * An amount of money in whole pence.
   */
  maximumPence: number;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  beforePence: number;
  /**
   * How much the maximum took off: 0 when the amount was within it.
   */
  limitedByPence: number;
  /**
   * An amount of money in whole pence.
   */
  afterPence: number;
  applied: boolean;
  route: {
    id: string;
    label: string;
    words: string;
  };
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "requestedLine".
 */
export interface RequestedLine {
  step: "requested";
  label: string;
  /**
   * An amount of money in whole pence.
   */
  requestedPence: number;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  beforePence: number;
  /**
   * An amount of money in whole pence.
   */
  afterPence: number;
  /**
   * True when the requested amount was the lesser, and so is what is paid.
   */
  applied: boolean;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "contributionLine".
 */
export interface ContributionLine {
  step: "contribution";
  label: string;
  period: "week" | "month" | "year";
  /**
   * An amount of money in whole pence.
   */
  budgetPence: number;
  /**
   * The person's share: their assessed contribution, at most the whole budget.
   */
  personPence: number;
  /**
   * An amount of money in whole pence.
   */
  councilPence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "periodsLine".
 */
export interface PeriodsLine {
  step: "periods";
  period: "week" | "month" | "year";
  weeksPerYear: number;
  /**
   * An amount of money in whole pence.
   */
  weeklyPence: number;
  /**
   * An amount of money in whole pence.
   */
  monthlyPence: number;
  /**
   * An amount of money in whole pence.
   */
  annualPence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "eligibilityLine".
 */
export interface EligibilityLine {
  step: "eligibility";
  condition: string;
  label: string;
  met: boolean;
  /**
   * Said to the person when the condition is not met.
   */
  reason: string;
  conditions: ConditionExplanation;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "oneOffAwardLine".
 */
export interface OneOffAwardLine {
  step: "award";
  kind: "one-off";
  words: string | null;
  /**
   * An amount of money in whole pence.
   */
  pence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "yearlyAwardLine".
 */
export interface YearlyAwardLine {
  step: "award";
  kind: "yearly";
  proRata: "whole-months" | "days";
  yearFrom: IsoDate1;
  yearTo: IsoDate;
  startDate: IsoDate | null;
  /**
   * The share of the year paid is remaining over whole, in the unit the policy says.
   */
  remaining: number;
  whole: number;
  unit: "months" | "days";
  /**
   * An amount of money in whole pence.
   */
  fullPence: number;
  /**
   * What is paid for the rest of the award year: fullPence × remaining ÷ whole, rounded as the policy rounds.
   */
  pence: number;
}
/**
 * This interface was referenced by `EvaluationResult`'s JSON-Schema
 * via the `definition` "ruleLine".
 */
export interface RuleLine {
  step: "rule";
  rule: string;
  fired: boolean;
  flag: string;
  conditions: ConditionExplanation;
}
