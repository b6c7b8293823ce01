/**
 * Comparisons run as jobs: a large cohort takes a while, so the request answers at once with a job to
 * poll, and the comparison runs in the work pool, reporting progress as it goes.
 *
 * The server that runs a job keeps its per-person results in memory for its exports. What the job is
 * and how far it has got is also kept in the store (a 'comparison' document, written as it starts, every
 * second or so as it goes, and when it ends), so with several servers behind a load balancer any of
 * them answers a poll; one asked for the exports of a job another ran works them out again from the same
 * inputs (the same cohort and the same version content give the same amounts, to the penny).
 */

import { randomUUID } from 'node:crypto';
import { type ComparisonJob, type ComparisonRequest, jobView, type JobView } from './comparison-job.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { WorkPool } from '../work/pool.js';
import type { CohortInput, VersionInput } from '../work/tasks.js';

/** A job as the store keeps it: its view, and what it takes to run it again (version content by hash). */
export interface StoredJob {
  view: JobView;
  createdBy: string;
  request: Omit<ComparisonRequest, 'versions'> & { versions: Array<{ version: string; contentHash: string }> };
}

/** Jobs whose per-person results this server keeps in memory. */
const KEEP = 20;
const PUBLISH_EVERY_MS = 1_000;

export class ComparisonJobs {
  private readonly jobs = new Map<string, ComparisonJob>();

  constructor(
    private readonly work: WorkPool,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  start(request: ComparisonRequest, hashes: string[], cohort: CohortInput, people: number, createdBy: string, at: string): ComparisonJob {
    const job: ComparisonJob = {
      id: randomUUID(),
      status: 'running',
      progress: { done: 0, total: people },
      createdAt: at,
      createdBy,
      request,
      outcome: null,
      error: null,
      announced: Promise.resolve(),
      finished: Promise.resolve(),
    };
    const publish = this.publisher(job, hashes);
    job.announced = publish();
    job.finished = job.announced.then(() => this.run(job, cohort, publish));
    this.keep(job);
    return job;
  }

  /** A job run here, or the last this server heard of one run anywhere. */
  async view(id: string): Promise<JobView | undefined> {
    const local = this.jobs.get(id);
    if (local) return jobView(local);
    return (await this.stored(id))?.view;
  }

  /**
   * A finished job with its per-person results: one run here, or one run elsewhere, worked out again
   * here from its inputs. Undefined when there is no such job; a job not finished is returned as it is.
   */
  async finished(
    id: string,
    inputs: (stored: StoredJob) => Promise<{ versions: VersionInput[]; cohort: CohortInput }>,
  ): Promise<ComparisonJob | JobView | undefined> {
    const local = this.jobs.get(id);
    if (local) return local;
    const stored = await this.stored(id);
    if (stored?.view.status !== 'done') return stored?.view;
    const { versions, cohort } = await inputs(stored);
    const { request } = stored;
    const job: ComparisonJob = {
      id,
      status: 'running',
      progress: stored.view.progress,
      createdAt: stored.view.createdAt,
      createdBy: stored.createdBy,
      request: { ...request, versions },
      outcome: null,
      error: null,
      announced: Promise.resolve(),
      finished: Promise.resolve(),
    };
    job.finished = this.run(job, cohort, async () => {});
    this.keep(job);
    await job.finished;
    return job;
  }

  private keep(job: ComparisonJob): void {
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
  }

  private async stored(id: string): Promise<StoredJob | undefined> {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return undefined;
    const bytes = await this.store.getDocument('comparison', id);
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as StoredJob) : undefined;
  }

  /**
   * Writes the job's record to the store, one write after another (so an earlier one never lands over a
   * later one); a failure to write is logged, and the job goes on.
   */
  private publisher(job: ComparisonJob, hashes: string[]): () => Promise<void> {
    let writing = Promise.resolve();
    const write = async () => {
      const stored: StoredJob = {
        view: jobView(job),
        createdBy: job.createdBy,
        request: { ...job.request, versions: job.request.versions.map((v, i) => ({ version: v.version, contentHash: hashes[i]! })) },
      };
      try {
        await this.store.putDocument('comparison', job.id, new TextEncoder().encode(JSON.stringify(stored)));
      } catch (e) {
        this.logger.error('comparison record not written', { job: job.id, error: e instanceof Error ? e.message : String(e) });
      }
    };
    return () => {
      writing = writing.then(write);
      return writing;
    };
  }

  private async run(job: ComparisonJob, cohort: CohortInput, publish: () => Promise<void>): Promise<void> {
    const { versions, asOf, materiality, attribution } = job.request;
    let published = Date.now();
    try {
      job.outcome = await this.work.compare(cohort, versions, { asOf, materiality, attribution }, (done, total) => {
        job.progress = { done, total };
        if (Date.now() - published >= PUBLISH_EVERY_MS) {
          published = Date.now();
          void publish();
        }
      });
      job.progress = { done: job.progress.total, total: job.progress.total };
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = 'The comparison failed; it has been logged.';
      this.logger.error('comparison failed', { job: job.id, error: e instanceof Error ? e.message : String(e) });
    }
    await publish();
  }
}
