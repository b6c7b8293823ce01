/* Generated from rules/policy.schema.json by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */

/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string;
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "slug".
 */
export type Slug = string;
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "pricing".
 */
export type Pricing = PricePerPoint | BandTable | HourBandTable;
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "period".
 */
export type Period = "week" | "month" | "year";
/**
 * Pence a point for the period, e.g. 488 for £4.88. At most four decimal places, so a calibrated price can be exact (488.3417).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "pencePerPoint".
 */
export type PencePerPoint = number;
/**
 * A band gives an amount (pence) or, in schemaVersion 2, a named outcome without an amount: exactly one of the two.
 */
export type Band = ({pence: number; outcome?: never} | {outcome: Slug; pence?: never}) & {
  label?: Text;
  from: number;
  /**
   * Last point of the band, included. Omitted on the top band only: there is no ceiling.
   */
  to?: number;
  pence?: number;
  /**
   * Instead of an amount: the id of one of the policy's outcomes, a result without an amount (schemaVersion 2). A table may stop being priced (an open top band with an outcome); it never caps.
   */
  outcome?: string;
};
/**
 * Pence an hour: the price of one hour of support.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "hourlyRatePence".
 */
export type HourlyRatePence = number;
/**
 * A band gives hours or, in schemaVersion 2, a named outcome without an amount: exactly one of the two.
 */
export type HourBand = ({hours: number; outcome?: never} | {outcome: Slug; hours?: never}) & {
  label?: Text;
  from: number;
  to?: number;
  /**
   * Hours of support a period; at most two decimal places.
   */
  hours?: number;
  /**
   * Instead of an amount: the id of one of the policy's outcomes, a result without an amount (schemaVersion 2). A table may stop being priced (an open top band with an outcome); it never caps.
   */
  outcome?: string;
};
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "date".
 */
export type IsoDate = string;
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "roundingUnit".
 */
export type RoundingUnit = "penny" | "pound";
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "roundingMode".
 */
export type RoundingMode = "up" | "down" | "half-up";
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "topLevelCondition".
 */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;
/**
 * How the amount is paid (schemaVersion 2): absent for an ongoing budget; 'one-off' for a single payment; 'yearly' for an amount a year paid pro rata for a start part-way through the year, from the assessment's startDate. Both need every allocation table priced per year.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "award".
 */
export type Award =
  | {
      kind: "one-off";
      /**
       * How often it may be paid, in plain words, e.g. One payment in a financial year.
       */
      words?: string;
    }
  | {
      kind: "yearly";
      /**
       * The first day of the award year, MM-DD (default 04-01, the financial year).
       */
      yearStarts?: string;
      /**
       * For a start part-way through the year: the share of the year left, in whole months (the month of the start counts in full) or in days (the start day counts).
       */
      proRata: "whole-months" | "days";
    };
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = "info" | "review" | "action";
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "condition".
 */
export type Condition = FactCondition | TopLevelCondition;
/**
 * @minItems 1
 * @maxItems 50
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "conditionList".
 */
export type ConditionList = Condition[];
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "operator".
 */
export type Operator =
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

/**
 * One version of a council's Resource Allocation System: questionnaire, weights, pricing, carer adjustment, uplifts, rounding and rules. Money is in integer pence.
 */
export interface Policy {
  $schema?: string;
  /**
   * Version of this document format. The engine keeps reading every schemaVersion it ever accepted, and evaluates a version-1 document exactly as it always did. Version 2 adds a fixed base amount beside a price per point (basePence), a maximum with the route for going above it (maximum), paying the lesser of the amount and one requested (lesserOfRequested), the split of the budget by the person's contribution (contribution), points given instead of answers (acceptsGivenPoints), bands whose outcome has no amount (outcomes), eligibility conditions on the assessment's facts (eligibility, facts), and one-off or pro-rata awards (award).
   */
  schemaVersion: 1 | 2;
  /**
   * The scheme this version belongs to, e.g. adult-ras.
   */
  id: string;
  /**
   * This version's name within the scheme, e.g. 2009-pilot.
   */
  version: string;
  title: Text;
  council: Text;
  description?: string;
  source?: Reference;
  /**
   * What the council tells people beside the numbers, for the published RAS and the letter to the person: what happens next, how to ask for a review, and whom to contact. It changes no amount, so any format may say it.
   */
  publication?: {
    /**
     * What happens after the indicative budget, in plain words (support planning, agreeing the budget).
     */
    nextSteps?: string;
    /**
     * How to ask for a review of how the budget was worked out, in plain words.
     */
    review?: string;
    contact?: Contact;
    /**
     * Why the council uses this RAS, for its Algorithmic Transparency Recording Standard record (tier 1 purpose). Without it a general statement is used.
     */
    purpose?: string;
    /**
     * Risks of using the RAS and how they are mitigated, for the ATRS record (tier 2), beside the ratification's equality impact note.
     */
    risks?: string;
  };
  /**
   * @minItems 1
   * @maxItems 50
   */
  clientGroups: Labelled[];
  /**
   * @minItems 1
   * @maxItems 50
   */
  domains: Domain[];
  /**
   * @minItems 1
   * @maxItems 20
   */
  questionnaires: Questionnaire[];
  pricing: AllocationTables;
  carerAdjustment?: CarerAdjustment;
  /**
   * @maxItems 100
   */
  uplifts?: Uplift[];
  rounding: Rounding;
  maximum?: Maximum;
  /**
   * The scheme pays the lesser of its amount and the amount requested or costed in the assessment (its 'requested' input), for schemes that pay no more than the cost asked for (schemaVersion 2).
   */
  lesserOfRequested?: {
    /**
     * What the requested amount is, in the person's words, e.g. The cost of the break you asked for.
     */
    label: string;
  };
  /**
   * The person's assessed contribution (from the financial assessment, an assessment input) splits the budget into the person's share and the council's; the budget itself is unchanged (schemaVersion 2).
   */
  contribution?: {
    /**
     * What the contribution is, in the person's words, e.g. Your assessed contribution.
     */
    label: string;
  };
  /**
   * Points an assessment may give instead of answers, for councils whose questionnaire is scored in the case-management system: a total, or raw points per domain (schemaVersion 2). The result says the figures were given, not scored.
   *
   * @minItems 1
   * @maxItems 2
   */
  acceptsGivenPoints?: ("total" | "domains")[];
  /**
   * Results without an amount that bands may give (schemaVersion 2).
   *
   * @minItems 1
   * @maxItems 20
   */
  outcomes?: Outcome[];
  /**
   * Facts the case system states in the assessment (schemaVersion 2).
   *
   * @minItems 1
   * @maxItems 50
   */
  facts?: FactDeclaration[];
  /**
   * Conditions a person must meet; when one is not met the result is 'not eligible' with its reason and no amount (schemaVersion 2).
   *
   * @minItems 1
   * @maxItems 20
   */
  eligibility?: EligibilityCondition[];
  award?: Award;
  /**
   * Weeks in a year for converting weekly, monthly and annual amounts (52, or 52.1429 for 365/7). At most four decimal places.
   */
  weeksPerYear: number;
  /**
   * @maxItems 200
   */
  rules?: Rule[];
  warnings?: {
    /**
     * Warn when one point more raises a band amount by more than this share of the lower amount. Default 50.
     */
    cliffEdgePercent?: number;
  };
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "reference".
 */
export interface Reference {
  title: Text;
  url?: string;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "contact".
 */
export interface Contact {
  /**
   * The team or service, e.g. Adult Social Care Customer Service Centre.
   */
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  web?: string;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "labelled".
 */
export interface Labelled {
  id: Slug;
  label: Text;
  description?: string;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "domain".
 */
export interface Domain {
  id: Slug;
  label: Text;
  description?: string;
  /**
   * Multiplies the domain's points. Default 1. Between 0 and 10, at most three decimal places.
   */
  weight?: number;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "questionnaire".
 */
export interface Questionnaire {
  id: Slug;
  label: Text;
  /**
   * Who answers this questionnaire. Omitted means everyone. Ages are whole years on the assessment date, both ends included.
   */
  appliesTo?: {
    minAge?: number;
    maxAge?: number;
    /**
     * @minItems 1
     */
    clientGroups?: Slug[];
  };
  /**
   * @minItems 1
   * @maxItems 5000
   */
  questions: Question[];
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "question".
 */
export interface Question {
  id: Slug;
  domain: Slug;
  text: Text;
  help?: string;
  /**
   * Whether an assessment must answer it. Default true.
   */
  required?: boolean;
  /**
   * @minItems 1
   * @maxItems 20
   */
  answers: Answer[];
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "answer".
 */
export interface Answer {
  id: Slug;
  text: Text;
  points: number;
  /**
   * A 'does not apply' answer. It must score zero points.
   */
  notApplicable?: boolean;
}
/**
 * How points become money: a default table, and optionally a separate table for some client groups.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "allocationTables".
 */
export interface AllocationTables {
  default: Pricing;
  byClientGroup?: {
    [k: string]: Pricing;
  };
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "pricePerPoint".
 */
export interface PricePerPoint {
  method: "price-per-point";
  period: Period;
  pencePerPoint: PencePerPoint;
  /**
   * A fixed amount for the period, in pence, added before the points are priced: e.g. 2000 for a base of £20 a week plus a price per point (schemaVersion 2).
   */
  basePence?: number;
  reference?: Reference;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "bandTable".
 */
export interface BandTable {
  method: "bands";
  period: Period;
  /**
   * @minItems 1
   * @maxItems 100
   */
  bands: Band[];
  reference?: Reference;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "hourBandTable".
 */
export interface HourBandTable {
  method: "hour-bands";
  period: Period;
  hourlyRatePence: HourlyRatePence;
  /**
   * @minItems 1
   * @maxItems 100
   */
  bands: HourBand[];
  reference?: Reference;
}
/**
 * Reduction for informal support, by how much the carer does and what it costs them. Applied only when the carer is willing and able to carry on.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "carerAdjustment".
 */
export interface CarerAdjustment {
  /**
   * @minItems 1
   * @maxItems 20
   */
  supportLevels: Labelled[];
  /**
   * @minItems 1
   * @maxItems 20
   */
  impacts: Labelled[];
  /**
   * Percentage reduction by support level, then by impact on the carer: reductions[level][impact].
   */
  reductions: {
    [k: string]: {
      [k: string]: number;
    };
  };
  reference?: Reference;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "uplift".
 */
export interface Uplift {
  from: IsoDate;
  /**
   * Applies, compounding, to assessments dated on or after 'from'. Between 0 and 100, at most two decimal places.
   */
  percent: number;
  reference?: Reference;
}
/**
 * Each money step is rounded to the penny with 'mode'; the final amount, in the pricing period, to 'unit' with 'mode'.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "rounding".
 */
export interface Rounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}
/**
 * The most the scheme pays, and the route for going above it (schemaVersion 2). The ADASS framework recommends no ceiling: a scheme that has one states it here, with the route, so a limited amount is never a dead end.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "maximum".
 */
export interface Maximum {
  /**
   * The maximum, in pence for the period.
   */
  pence: number;
  period: Period;
  route: {
    id: Slug;
    /**
     * The route's name, e.g. Resource panel, or Individual assessment.
     */
    label: string;
    /**
     * What the person or their worker does to go above the maximum, in plain words.
     */
    words: string;
  };
  reference?: Reference;
}
/**
 * A result without an amount (schemaVersion 2): for a band whose outcome is, for example, universal services, or the top of a table that stops being priced, where an individual assessment follows. Never a budget of £0.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "outcome".
 */
export interface Outcome {
  id: Slug;
  /**
   * The outcome's name, e.g. Universal services, or Individual assessment.
   */
  label: string;
  /**
   * What it means for the person and what happens next, in plain words.
   */
  words: string;
}
/**
 * A fact the case system states in the assessment's facts (schemaVersion 2), for eligibility conditions and rules to test under the fact 'facts' with path $.<id>. Every assessment under the policy must state every declared fact, as a value of its type.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "factDeclaration".
 */
export interface FactDeclaration {
  id: Slug;
  /**
   * What the fact says, e.g. Awards already made this financial year.
   */
  label: string;
  type: "boolean" | "number" | "string";
}
/**
 * A condition a person must meet to be eligible, in json-rules-engine's condition format (schemaVersion 2). When it is not met the result is 'not eligible', with the reason, and no amount. It may test every rule fact except the amounts, which are not worked out for a person who is not eligible.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "eligibilityCondition".
 */
export interface EligibilityCondition {
  id: Slug;
  /**
   * The condition in a few words, e.g. No award yet this financial year.
   */
  label: string;
  conditions: TopLevelCondition;
  /**
   * Why the person is not eligible when the condition is not met, in words for the person.
   */
  reason: string;
  reference?: Reference;
}
/**
 * A json-rules-engine rule. Its event raises a flag; it never changes the amount.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface Rule {
  name: Slug;
  priority?: number;
  conditions: TopLevelCondition;
  event: {
    type: Slug;
    params: {
      message: Text;
      severity?: Severity;
    };
  };
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "allCondition".
 */
export interface AllCondition {
  all: ConditionList;
  name?: string;
  priority?: number;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "anyCondition".
 */
export interface AnyCondition {
  any: ConditionList;
  name?: string;
  priority?: number;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "notCondition".
 */
export interface NotCondition {
  not: Condition;
  name?: string;
  priority?: number;
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "factCondition".
 */
export interface FactCondition {
  fact: string;
  path?: string;
  operator: Operator;
  /**
   * A number, text, true/false, or a list of those (for in and notIn). Comparing two facts is not supported.
   */
  value: string | number | boolean | (string | number | boolean)[];
  name?: string;
  priority?: number;
}
