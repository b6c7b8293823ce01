/**
 * Comparisons run as jobs: a large cohort takes a while, so the request answers at once with a job
 * to poll, and the comparison runs in chunks that report progress between them. Finished jobs are kept
 * in memory for a while for their exports; they can always be run again from the same inputs.
 */

import { randomUUID } from 'node:crypto';
import {
  attributeChanges,
  compareCohortInSteps,
  type Attribution,
  type Comparison,
  type EncodedCohort,
  type Materiality,
  type VersionUnderTest,
} from '../engine/index.js';
import type { Logger } from './logger.js';

export interface ComparisonRequest {
  policyId: string;
  versions: VersionUnderTest[];
  cohort: EncodedCohort;
  cohortId: string | null;
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
  comparison: Comparison | null;
  attributions: Attribution[];
  error: string | null;
  finished: Promise<void>;
}

const KEEP = 20;

export class ComparisonJobs {
  private readonly jobs = new Map<string, ComparisonJob>();

  constructor(private readonly logger: Logger) {}

  start(request: ComparisonRequest, createdBy: string, at: string): ComparisonJob {
    const job: ComparisonJob = {
      id: randomUUID(),
      status: 'running',
      progress: { done: 0, total: request.cohort.size },
      createdAt: at,
      createdBy,
      request,
      comparison: null,
      attributions: [],
      error: null,
      finished: Promise.resolve(),
    };
    job.finished = this.run(job);
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  get(id: string): ComparisonJob | undefined {
    return this.jobs.get(id);
  }

  private async run(job: ComparisonJob): Promise<void> {
    const { versions, cohort, asOf, materiality } = job.request;
    try {
      await pause();
      const comparison = await compareCohortInSteps(versions, cohort, {
        asOf,
        materiality,
        pause,
        onProgress: (done, total) => {
          job.progress = { done, total };
        },
      });
      job.attributions = job.request.attribution
        ? versions.slice(1).map((candidate) => attributeChanges(versions[0]!, candidate, cohort, asOf, comparison.included))
        : [];
      job.comparison = comparison;
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = 'The comparison failed; it has been logged.';
      this.logger.error('comparison failed', { job: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** Lets the event loop serve other requests between chunks. */
function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
