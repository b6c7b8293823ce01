/* Generated from rules/transparency-record.schema.json by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */

/**
 * This interface was referenced by `TransparencyRecord`'s JSON-Schema
 * via the `definition` "groupOrWithheld".
 */
export type GroupOrWithheld = GroupFigures | string;

/**
 * A version's Algorithmic Transparency Recording Standard record (tiers 1 and 2), generated from the version, its ratification record and its publication section.
 */
export interface TransparencyRecord {
  standard: "Algorithmic Transparency Recording Standard";
  generatedFrom: {
    policyId: string;
    version: string;
    contentHash: string;
  };
  tier1: {
    name: string;
    organisation: string;
    description: string;
    purpose: string;
    howItWorks: string[];
    humanDecision: string;
    contact: Contact | null;
  };
  tier2: {
    owner: {
      organisation: string;
      decidedBy: string;
      decisionDate: string;
      minuteReference: string;
      effectiveFrom: string;
    };
    dataUsed: string[];
    humanOversight: string[];
    risksAndMitigations: {
      risks: string | null;
      equalityImpact: string | null;
      comparisonWaiver: string | null;
    };
    impactAssessment: ImpactSummary | null;
    /**
     * How anyone can check that the record of this version's ratification, and of the decisions made under it, has not been rewritten since.
     */
    recordIntegrity: {
      /**
       * The council's audit public key (Ed25519, base64url): every checkpoint of the record is signed with it.
       */
      auditKey: string;
      /**
       * The checkpoint line of the record when this version was ratified, signed with the audit key; null for versions ratified before checkpoints.
       */
      checkpoint: string | null;
      howToCheck: string;
    };
  };
  /**
   * What the record needs that the policy does not yet say: fill these in its publication section before publishing.
   */
  toBeCompletedByTheCouncil: string[];
}
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
 * Who gains and who loses against the version compared with, over the cohort: aggregates only, groups under 10 people withheld.
 *
 * This interface was referenced by `TransparencyRecord`'s JSON-Schema
 * via the `definition` "impactSummary".
 */
export interface ImpactSummary {
  comparedWith: string;
  cohortPeople: number;
  overall: GroupFigures;
  byClientGroup: {
    [k: string]: GroupOrWithheld;
  };
  byAgeBand: {
    [k: string]: GroupOrWithheld;
  };
}
/**
 * This interface was referenced by `TransparencyRecord`'s JSON-Schema
 * via the `definition` "groupFigures".
 */
export interface GroupFigures {
  people: number;
  betterOff: number;
  worseOff: number;
  unchanged: number;
  /**
   * An amount of money in whole pence; negative for a fall.
   */
  totalChangePence: number;
}
