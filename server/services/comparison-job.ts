/**
 * A comparison job: what was asked, how far it has got, and its outcome; and its view, what it says of
 * itself (its progress, then its summary, as JSON), which is both the answer over HTTP and what the store
 * keeps of it. The jobs themselves are run by ComparisonJobs (comparisons.ts).
 */

import type { Materiality } from '../../engine/index.js';
import type { CompareOutcome, VersionInput } from '../work/tasks.js';

export interface ComparisonRequest {
  policyId: string;
  versions: VersionInput[];
  cohortId: string;
  asOf: string;
  materiality: Materiality;
  attribution: boolean;
}

export interface ComparisonJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  createdAt: string;
  createdBy: string;
  request: ComparisonRequest;
  outcome: CompareOutcome | null;
  error: string | null;
  /** Once the job's record is in the store (so any server can report on it). */
  announced: Promise<void>;
  finished: Promise<void>;
}

/** A job's view: its progress, then its summary. */
export function jobView(job: ComparisonJob) {
  const base = {
    id: job.id,
    status: job.status,
    progress: job.progress,
    createdAt: job.createdAt,
    policyId: job.request.policyId,
    versions: job.request.versions.map((v) => v.version),
    cohortId: job.request.cohortId,
    asOf: job.request.asOf,
    materiality: job.request.materiality,
    links: {
      self: `/api/comparisons/${job.id}`,
      csv: `/api/comparisons/${job.id}/people.csv`,
      json: `/api/comparisons/${job.id}/people.json`,
    },
  };
  if (job.status === 'failed') return { ...base, error: job.error };
  if (!job.outcome) return base;
  const { amounts: _amounts, included: _included, ...summary } = job.outcome.comparison;
  return {
    ...base,
    result: {
      ...summary,
      attribution: job.outcome.attributions.map((a, k) => ({
        base: job.request.versions[0]!.version,
        candidate: job.request.versions[k + 1]!.version,
        steps: a.steps,
      })),
    },
  };
}

export type JobView = ReturnType<typeof jobView>;
