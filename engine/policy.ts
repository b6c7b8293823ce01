/**
 * The policy document: one version of a council's RAS, as data. Its shape has one statement,
 * rules/policy.schema.json; the types are generated from it (engine/contract/policy.ts, npm run
 * contracts) and named here as the domain names them. A value of type Policy has passed validatePolicy.
 */

import type { Policy, Questionnaire, Rounding, Rule } from './contract/policy.js';

export type {
  AllCondition,
  AllocationTables,
  Answer,
  AnyCondition,
  Award,
  Band,
  BandTable,
  CarerAdjustment,
  Condition,
  Domain,
  EligibilityCondition,
  FactCondition,
  FactDeclaration,
  HourBand,
  HourBandTable,
  IsoDate,
  Labelled,
  Maximum,
  NotCondition,
  Outcome,
  Period,
  Policy,
  PricePerPoint,
  Pricing,
  Question,
  Questionnaire,
  Reference,
  Rounding,
  Rule,
  Slug,
  TopLevelCondition,
  Uplift,
} from './contract/policy.js';

export type ClientGroup = Policy['clientGroups'][number];
export type AppliesTo = NonNullable<Questionnaire['appliesTo']>;
export type Publication = NonNullable<Policy['publication']>;
export type RoundingUnit = Rounding['unit'];
export type RoundingMode = Rounding['mode'];
export type Operator = import('./contract/policy.js').FactCondition['operator'];
export type FlagSeverity = NonNullable<Rule['event']['params']['severity']>;
