/** What the public API serves about published schemes, and how the public pages fetch it (no sign-in). */

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

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.detail ?? `The page could not be loaded (status ${res.status}).`);
  return body as T;
}
