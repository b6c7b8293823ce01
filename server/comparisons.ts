/**
 * Comparisons run as jobs: a large cohort takes a while, so the request answers at once with a job to
 * poll, and the comparison runs in the work pool, reporting progress as it goes. Finished jobs are kept
 * in memory for a while for their exports; they can always be run again from the same inputs.
 */

import { randomUUID } from 'node:crypto';
import type { Materiality } from '../engine/index.js';
import type { Logger } from './logger.js';
import type { WorkPool } from './work/pool.js';
import type { CohortInput, CompareOutcome, VersionInput } from './work/tasks.js';

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
  finished: Promise<void>;
}

const KEEP = 20;

export class ComparisonJobs {
  private readonly jobs = new Map<string, ComparisonJob>();

  constructor(
    private readonly work: WorkPool,
    private readonly logger: Logger,
  ) {}

  start(request: ComparisonRequest, cohort: CohortInput, people: number, createdBy: string, at: string): ComparisonJob {
    const job: ComparisonJob = {
      id: randomUUID(),
      status: 'running',
      progress: { done: 0, total: people },
      createdAt: at,
      createdBy,
      request,
      outcome: null,
      error: null,
      finished: Promise.resolve(),
    };
    job.finished = this.run(job, cohort);
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  get(id: string): ComparisonJob | undefined {
    return this.jobs.get(id);
  }

  private async run(job: ComparisonJob, cohort: CohortInput): Promise<void> {
    const { versions, asOf, materiality, attribution } = job.request;
    try {
      job.outcome = await this.work.compare(cohort, versions, { asOf, materiality, attribution }, (done, total) => {
        job.progress = { done, total };
      });
      job.progress = { done: job.progress.total, total: job.progress.total };
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = 'The comparison failed; it has been logged.';
      this.logger.error('comparison failed', { job: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
}
