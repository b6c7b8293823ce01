/** What the public API serves about published schemes (no sign-in); the data layer fetches it. */

import type { EvaluationResult, PolicyDocument } from '../calculator/types';
import type { ImpactSummary } from './Equalities';

export interface PublishedScheme {
  id: string;
  title: string;
  council: string;
  inForce: { version: string; effectiveFrom: string } | null;
  versions: Array<{ version: string; status: string; effectiveFrom: string }>;
}
export interface PublishedVersion {
  policyId: string;
  version: string;
  status: string;
  contentHash: string;
  document: PolicyDocument;
  ratification: {
    body: string;
    decisionDate: string;
    minuteReference: string;
    rationale: string;
    effectiveFrom: string;
    equalityImpact?: string;
    auditAnchor?: { seq: number; hash: string };
  };
  superseded: { by: string; from: string } | null;
  /** The version's first worked example, worked out by the server. */
  workedExample: { name: string; result: EvaluationResult } | null;
  /** For a version ratified with a comparison: who gains and who loses (aggregates, small groups withheld). */
  equalities: ImpactSummary | null;
}

/** GET …/transparency-record: its shape has one statement, rules/transparency-record.schema.json. */
export type { TransparencyRecord } from '../../../engine/contract/transparency-record';
