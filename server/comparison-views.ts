/** How a comparison job is shown over HTTP: its progress, then its summary, as JSON. */

import type { ComparisonJob } from './comparisons.js';

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
