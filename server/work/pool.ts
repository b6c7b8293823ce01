/**
 * The server's work pool (piscina): heavy work runs in worker threads, so a request that compares a
 * large cohort, imports or generates one, or calibrates, never stalls the event loop that answers
 * everyone else. Each method sends a task to tasks.ts and returns its outcome.
 */

import { availableParallelism } from 'node:os';
import { MessageChannel, type TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CalibrationOptions, Materiality, Policy } from '../../engine/index.js';
import type { IntegrityReport } from '../store/integrity-report.js';
import type { StoreLocation } from '../store/open-store.js';
import type { Trust } from '../store/integrity.js';
import type {
  AttributionArrays,
  CalibrateOutcome,
  CohortInput,
  CompareOutcome,
  ComparisonArrays,
  ImportOutcome,
  StoredCohortOutcome,
  Task,
  VersionInput,
} from './tasks.js';

export class WorkPool {
  private readonly pool = new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    // One core answers requests; the rest (at least one thread) do the heavy work.
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: 30_000,
  });

  importCohort(
    file: string,
    csv: boolean,
    meta: { name?: string; description?: string; policyId?: string },
    versionsByPolicy: Record<string, Policy[]>,
  ): Promise<ImportOutcome> {
    return this.run({ kind: 'import-cohort', file, csv, meta, versionsByPolicy });
  }

  generateCohort(policy: Policy, size: number, seed: number): Promise<StoredCohortOutcome> {
    return this.run({ kind: 'generate-cohort', policy, size, seed });
  }

  compare(
    cohort: CohortInput,
    versions: VersionInput[],
    options: { asOf: string; materiality: Materiality; attribution: boolean },
    onProgress?: (done: number, total: number) => void,
  ): Promise<CompareOutcome> {
    const channel = new MessageChannel();
    channel.port1.on('message', ({ done, total }: { done: number; total: number }) => onProgress?.(done, total));
    channel.port1.unref();
    return this.run<CompareOutcome>({ kind: 'compare', cohort, versions, ...options, progress: channel.port2 }, [channel.port2]).finally(
      () => channel.port1.close(),
    );
  }

  calibrate(cohort: CohortInput, source: VersionInput, options: CalibrationOptions, saveAs?: string): Promise<CalibrateOutcome> {
    return this.run({ kind: 'calibrate', cohort, source, options, ...(saveAs ? { saveAs } : {}) });
  }

  exportPeople(
    cohort: CohortInput,
    comparison: ComparisonArrays,
    attributions: AttributionArrays[],
    format: 'csv' | 'json',
  ): Promise<Uint8Array> {
    return this.run({ kind: 'export-people', cohort, comparison, attributions, format });
  }

  /** The full check of a store's record: every commit read and every hash recomputed. */
  verifyStore(location: StoreLocation, trust: Trust): Promise<IntegrityReport> {
    return this.run({ kind: 'verify-store', location, trust });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private run<T>(task: Task, transferList: TransferListItem[] = []): Promise<T> {
    return this.pool.run(task, { transferList: transferList as never }) as Promise<T>;
  }
}

let shared: WorkPool | null = null;

/** One pool per process: every app in it (tests start many) shares the same threads. */
export function sharedWorkPool(): WorkPool {
  shared ??= new WorkPool();
  return shared;
}
