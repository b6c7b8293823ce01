/**
 * The policy document: one version of a council's RAS, as data.
 * These types mirror rules/policy.schema.json; a value of type Policy has passed validatePolicy.
 */

export type Slug = string;
/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
export type Period = 'week' | 'month' | 'year';

export interface Reference {
  title: string;
  url?: string;
}

export interface Labelled {
  id: Slug;
  label: string;
  description?: string;
}

export type ClientGroup = Labelled;

export interface Domain extends Labelled {
  /** Multiplies the domain's points; default 1. */
  weight?: number;
}

export interface Answer {
  id: Slug;
  text: string;
  points: number;
  notApplicable?: boolean;
}

export interface Question {
  id: Slug;
  domain: Slug;
  text: string;
  help?: string;
  /** Default true. */
  required?: boolean;
  answers: Answer[];
}

export interface AppliesTo {
  minAge?: number;
  maxAge?: number;
  clientGroups?: Slug[];
}

export interface Questionnaire {
  id: Slug;
  label: string;
  appliesTo?: AppliesTo;
  questions: Question[];
}

export interface PricePerPoint {
  method: 'price-per-point';
  period: Period;
  pencePerPoint: number;
  /** A fixed amount for the period, added before the points are priced (schemaVersion 2). */
  basePence?: number;
  reference?: Reference;
}

/** A band gives an amount or (schemaVersion 2) a named outcome without one: exactly one of the two. */
export type Band = BandRange & ({ pence: number; outcome?: never } | { outcome: Slug; pence?: never });

interface BandRange {
  label?: string;
  from: number;
  /** Last point of the band, included; omitted on the open-ended top band. */
  to?: number;
}

export interface BandTable {
  method: 'bands';
  period: Period;
  bands: Band[];
  reference?: Reference;
}

export type HourBand = BandRange & ({ hours: number; outcome?: never } | { outcome: Slug; hours?: never });

export interface HourBandTable {
  method: 'hour-bands';
  period: Period;
  hourlyRatePence: number;
  bands: HourBand[];
  reference?: Reference;
}

export type Pricing = PricePerPoint | BandTable | HourBandTable;

export interface AllocationTables {
  default: Pricing;
  byClientGroup?: Record<Slug, Pricing>;
}

export interface CarerAdjustment {
  supportLevels: Labelled[];
  impacts: Labelled[];
  /** reductions[supportLevel][impact] = percentage reduction. */
  reductions: Record<Slug, Record<Slug, number>>;
  reference?: Reference;
}

export interface Uplift {
  from: IsoDate;
  percent: number;
  reference?: Reference;
}

export type RoundingUnit = 'penny' | 'pound';
export type RoundingMode = 'up' | 'down' | 'half-up';

export interface Rounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}

export type Operator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';

export interface FactCondition {
  fact: string;
  path?: string;
  operator: Operator;
  value: unknown;
  name?: string;
  priority?: number;
}

export type TopLevelCondition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number };

export type Condition = TopLevelCondition | FactCondition;

export type FlagSeverity = 'info' | 'review' | 'action';

/** A json-rules-engine rule, in that library's own format. Its event raises a flag. */
export interface Rule {
  name: Slug;
  priority?: number;
  conditions: TopLevelCondition;
  event: { type: Slug; params: { message: string; severity?: FlagSeverity } };
}

/**
 * The most a scheme pays (schemaVersion 2), with the route for going above it: an amount over the
 * maximum is limited to it, and the explanation says by how much and where to go.
 */
export interface Maximum {
  pence: number;
  period: Period;
  route: { id: Slug; label: string; words: string };
  reference?: Reference;
}

/** A result without an amount, such as universal services or an individual assessment (schemaVersion 2). */
export interface Outcome {
  id: Slug;
  label: string;
  /** What it means for the person and what happens next. */
  words: string;
}

/** A fact the case system states in the assessment, for eligibility conditions and rules (schemaVersion 2). */
export interface FactDeclaration {
  id: Slug;
  label: string;
  type: 'boolean' | 'number' | 'string';
}

/** A condition a person must meet; not met, the result is "not eligible" with the reason (schemaVersion 2). */
export interface EligibilityCondition {
  id: Slug;
  label: string;
  conditions: TopLevelCondition;
  reason: string;
  reference?: Reference;
}

/** How the amount is paid (schemaVersion 2): once, or a year's amount pro rata from a start date. */
export type Award = { kind: 'one-off'; words?: string } | { kind: 'yearly'; yearStarts?: string; proRata: 'whole-months' | 'days' };

/** What the council tells people beside the numbers: next steps, reviews, contact (any format: it changes no amount). */
export interface Publication {
  /** Why the council uses this RAS (the ATRS record's purpose). */
  purpose?: string;
  /** Risks and their mitigations (the ATRS record's tier 2). */
  risks?: string;
  nextSteps?: string;
  review?: string;
  contact?: { name: string; phone?: string; email?: string; address?: string; web?: string };
}

export interface Policy {
  $schema?: string;
  /** 2 adds a base amount beside a price per point; a version-1 document evaluates as it always did. */
  schemaVersion: 1 | 2;
  id: Slug;
  version: Slug;
  title: string;
  council: string;
  description?: string;
  source?: Reference;
  publication?: Publication;
  clientGroups: ClientGroup[];
  domains: Domain[];
  questionnaires: Questionnaire[];
  pricing: AllocationTables;
  carerAdjustment?: CarerAdjustment;
  uplifts?: Uplift[];
  rounding: Rounding;
  maximum?: Maximum;
  /** Pays the lesser of the amount and the assessment's requested amount (schemaVersion 2). */
  lesserOfRequested?: { label: string };
  /** Splits the budget by the person's assessed contribution, an assessment input (schemaVersion 2). */
  contribution?: { label: string };
  /** Points an assessment may give instead of answers (schemaVersion 2). */
  acceptsGivenPoints?: Array<'total' | 'domains'>;
  /** Results without an amount that bands may give (schemaVersion 2). */
  outcomes?: Outcome[];
  /** Facts the assessment states (schemaVersion 2). */
  facts?: FactDeclaration[];
  /** Conditions a person must meet (schemaVersion 2). */
  eligibility?: EligibilityCondition[];
  /** One-off or pro-rata awards (schemaVersion 2); absent for an ongoing budget. */
  award?: Award;
  weeksPerYear: number;
  rules?: Rule[];
  warnings?: { cliffEdgePercent?: number };
}
