/* Generated from rules/cohort.schema.json by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */

/**
 * A set of anonymised assessments for scrutiny: no names, a pseudonymous reference, an age band rather than a date of birth.
 */
export interface Cohort {
  $schema?: string;
  schemaVersion: 1;
  name: string;
  description?: string;
  /**
   * The scheme whose questionnaire the answers follow.
   */
  policyId?: string;
  /**
   * @maxItems 2000000
   */
  people: CohortPerson[];
}
/**
 * This interface was referenced by `Cohort`'s JSON-Schema
 * via the `definition` "person".
 */
export interface CohortPerson {
  /**
   * Pseudonymous reference; never a name.
   */
  ref: string;
  clientGroup: string;
  /**
   * Whole years, e.g. 65-74 or 85+.
   */
  ageBand: string;
  answers: {
    [k: string]: string;
  };
  carer?: CarerSituation;
  /**
   * The person's current package cost a year, if known.
   */
  currentAnnualCostPence?: number;
}
/**
 * The informal or family carer's situation, if there is one. Omit when there is no carer.
 */
export interface CarerSituation {
  willingToContinue: boolean;
  ableToContinue: boolean;
  supportLevel: string;
  impact: string;
}
