/* Generated from rules/assessment.schema.json by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */

/**
 * A person's answers to one RAS questionnaire (or, where the policy accepts them, points scored elsewhere), with what the policy needs to price them. Checked further against the policy version it is evaluated with. Give exactly one of age and dateOfBirth, and exactly one of answers and points.
 */
export interface Assessment {
  $schema?: string;
  /**
   * The case system's pseudonymous reference. Never a name.
   */
  reference?: string;
  /**
   * The date the assessment speaks for; uplifts in force on it apply.
   */
  assessmentDate: string;
  /**
   * Age in whole years on the assessment date. Give this or dateOfBirth.
   */
  age?: number;
  dateOfBirth?: string;
  clientGroup: string;
  /**
   * Optional: the questionnaire answered. Checked against the one the policy assigns by age and client group.
   */
  questionnaire?: string;
  /**
   * Question id to answer id.
   */
  answers?: {
    [k: string]: string;
  };
  carer?: CarerSituation;
  /**
   * The amount requested or costed (for example the cost of a short break), for a scheme that pays the lesser of its amount and this one. In pence for the period of the person's allocation table.
   */
  requested?: {
    pence: number;
    period: "week" | "month" | "year";
  };
  /**
   * The person's assessed contribution, from the financial assessment, for a policy that splits the budget by it. In pence for the period of the person's allocation table.
   */
  contribution?: {
    pence: number;
    period: "week" | "month" | "year";
  };
  /**
   * Points scored in the case-management system, sent instead of answers, for a policy that accepts them (acceptsGivenPoints): the total, or raw points per domain (weighted by the policy).
   */
  points?:
    | {
        total: number;
      }
    | {
        byDomain: {
          [k: string]: number;
        };
      };
  /**
   * Facts the policy declares (its 'facts'), stated by the case system, e.g. {"awards-this-year": 1}: for eligibility conditions and rules.
   */
  facts?: {
    [k: string]: boolean | number | string;
  };
  /**
   * When the award starts, for a policy whose yearly award is paid pro rata for a start part-way through the year. Without it, the whole year is paid.
   */
  startDate?: string;
}
/**
 * The informal or family carer's situation, if there is one. Omit when there is no carer.
 *
 * This interface was referenced by `Assessment`'s JSON-Schema
 * via the `definition` "carer".
 */
export interface CarerSituation {
  willingToContinue: boolean;
  ableToContinue: boolean;
  supportLevel: string;
  impact: string;
}
