/**
 * The heavy work of scrutiny, run in worker threads so that the server's event loop never waits on it:
 * reading and checking an uploaded cohort, generating one, comparing versions over a cohort, calibrating,
 * writing a comparison's per-person export, and checking a whole data directory. Inputs are policy documents and cohort bytes; outputs
 * are plain data and bytes. Each worker keeps the cohorts it decoded last.
 */

import type { MessagePort } from 'node:worker_threads';
import {
  attributeChanges,
  type Calibration,
  type CalibrationOptions,
  CohortEncoder,
  type CompiledPolicy,
  type Comparison,
  calibrate,
  compareCohort,
  compilePolicy,
  csvLines,
  csvLineEnd,
  type EncodedCohort,
  type ImportResult,
  importCohortCsvStream,
  importCohortJson,
  type Materiality,
  type Policy,
  peopleTable,
  type RowIssue,
  syntheticPeople,
} from '../../engine/index.js';
import { deserializeCohort, serializeCohort } from '../store/cohort-columns.js';
import type { IntegrityReport } from '../store/integrity-report.js';
import { describeLocation, type StoreLocation, verifyRecordAt } from '../store/open-store.js';
import type { Trust } from '../store/integrity.js';
import { NotUtf8Error, readUtf8File, readUtf8Start, utf8Stream } from '../utf8-file.js';

export interface CohortDescription {
  people: number;
  byClientGroup: Record<string, number>;
  byAgeBand: Record<string, number>;
  withCurrentCost: number;
}

/** A stored cohort as a task receives it: its id (the worker's cache key) and, unless cached, its bytes. */
export interface CohortInput {
  id: string;
  bytes: Uint8Array;
}

export interface VersionInput {
  version: string;
  policy: Policy;
}

export type Task =
  | {
      kind: 'import-cohort';
      file: string;
      csv: boolean;
      meta: { name?: string; description?: string; policyId?: string };
      /** Every policy's versions that people may be checked against (a cohort names its policy). */
      versionsByPolicy: Record<string, Policy[]>;
    }
  | { kind: 'generate-cohort'; policy: Policy; size: number; seed: number }
  | {
      kind: 'compare';
      cohort: CohortInput;
      versions: VersionInput[];
      asOf: string;
      materiality: Materiality;
      attribution: boolean;
      progress?: MessagePort;
    }
  | { kind: 'calibrate'; cohort: CohortInput; source: VersionInput; options: CalibrationOptions; saveAs?: string }
  | { kind: 'export-people'; cohort: CohortInput; comparison: ComparisonArrays; attributions: AttributionArrays[]; format: 'csv' | 'json' }
  | { kind: 'verify-store'; location: StoreLocation; trust: Trust };

export type ImportOutcome =
  | { ok: true; document: Uint8Array; description: CohortDescription; meta: { name: string; description?: string; policyId?: string } }
  | { ok: false; issues: RowIssue[]; unreadable?: { as: 'utf-8' | 'json'; message: string }; unknownPolicyId?: string };

export interface StoredCohortOutcome {
  document: Uint8Array;
  description: CohortDescription;
}

/** What a comparison's exports need of it. */
export type ComparisonArrays = Pick<Comparison, 'versions' | 'pairs' | 'amounts' | 'included'>;
export interface AttributionArrays {
  steps: { id: string; label: string }[];
  annual: Float64Array[];
}

export interface CompareOutcome {
  comparison: Comparison;
  attributions: Array<{ steps: ReturnType<typeof attributeChanges>['steps']; annual: Float64Array[] }>;
}

export interface CalibrateOutcome {
  calibration: Calibration;
  /** With saveAs: the calibrated version compared with its source over the same cohort (without per-person arrays). */
  comparison?: Omit<Comparison, 'amounts' | 'included'>;
}

const CACHE = 4;
const cohorts = new Map<string, EncodedCohort>();

export default async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'import-cohort':
      return importCohort(task);
    case 'generate-cohort':
      return stored(encodeGenerated(compilePolicy(task.policy), task.size, task.seed));
    case 'compare':
      return compare(task);
    case 'calibrate':
      return calibration(task);
    case 'export-people':
      return exportPeople(task);
    case 'verify-store':
      return verifyStore(task.location, task.trust);
  }
}

async function importCohort(task: Extract<Task, { kind: 'import-cohort' }>): Promise<ImportOutcome> {
  const versionsOf = (policyId: string | undefined) =>
    policyId === undefined ? [] : (task.versionsByPolicy[policyId] ?? []).map((p) => compilePolicy(p));
  const notUtf8: ImportOutcome = { ok: false, issues: [], unreadable: { as: 'utf-8', message: 'the body is not UTF-8 text' } };
  let result: ImportResult;
  if (task.csv) {
    // Streamed from the upload's file, decoded strictly as it goes: a 100 MB upload never sits in memory as text.
    try {
      // The line end is read before the stream is opened: an open stream flows, and could fail before anyone listens.
      const lineEnd = csvLineEnd(await readUtf8Start(task.file));
      result = await importCohortCsvStream(utf8Stream(task.file), {
        name: task.meta.name ?? '',
        description: task.meta.description,
        policyId: task.meta.policyId,
        policies: versionsOf(task.meta.policyId),
        lineEnd,
      });
    } catch (e) {
      if (e instanceof NotUtf8Error) return notUtf8;
      throw e;
    }
  } else {
    let text: string;
    try {
      text = await readUtf8File(task.file);
    } catch (e) {
      if (e instanceof NotUtf8Error) return notUtf8;
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, issues: [], unreadable: { as: 'json', message: (e as Error).message } };
    }
    const policyId = (json as { policyId?: unknown } | null)?.policyId;
    if (typeof policyId === 'string' && !Object.hasOwn(task.versionsByPolicy, policyId))
      return { ok: false, issues: [], unknownPolicyId: policyId };
    result = importCohortJson(json, { policies: versionsOf(typeof policyId === 'string' ? policyId : undefined) });
  }
  if (!result.ok) return { ok: false, issues: result.issues };
  return { ok: true, ...stored(result.cohort), meta: result.meta };
}

function encodeGenerated(policy: CompiledPolicy, size: number, seed: number): EncodedCohort {
  const encoder = new CohortEncoder(size);
  for (const { person } of syntheticPeople(policy, { size, seed })) encoder.add(person);
  return encoder.finish();
}

function stored(cohort: EncodedCohort): StoredCohortOutcome {
  return { document: new TextEncoder().encode(JSON.stringify(serializeCohort(cohort))), description: describeCohort(cohort) };
}

async function compare(task: Extract<Task, { kind: 'compare' }>): Promise<CompareOutcome> {
  const cohort = cohortOf(task.cohort);
  const versions = task.versions.map((v) => ({ version: v.version, compiled: compilePolicy(v.policy) }));
  try {
    const comparison = compareCohort(versions, cohort, {
      asOf: task.asOf,
      materiality: task.materiality,
      onProgress: (done, total) => task.progress?.postMessage({ done, total }),
    });
    const attributions = task.attribution
      ? versions.slice(1).map((candidate) => {
          const { steps, annual } = attributeChanges(versions[0]!, candidate, cohort, task.asOf, comparison.included);
          return { steps, annual };
        })
      : [];
    return { comparison, attributions };
  } finally {
    task.progress?.close();
  }
}

function calibration(task: Extract<Task, { kind: 'calibrate' }>): CalibrateOutcome {
  const cohort = cohortOf(task.cohort);
  const source = compilePolicy(task.source.policy);
  const result = calibrate(source, cohort, task.options);
  if (!task.saveAs) return { calibration: result };
  const calibrated = compilePolicy({ ...result.calibratedPolicy, version: task.saveAs });
  const {
    amounts: _a,
    included: _i,
    ...comparison
  } = compareCohort(
    [
      { version: task.source.version, compiled: source },
      { version: task.saveAs, compiled: calibrated },
    ],
    cohort,
    { asOf: task.options.asOf },
  );
  return { calibration: result, comparison };
}

/** The per-person export: the people table as CSV, or, as JSON, each compared person's amounts in pence. */
function exportPeople(task: Extract<Task, { kind: 'export-people' }>): Uint8Array {
  const cohort = cohortOf(task.cohort);
  if (task.format === 'csv') {
    const table = peopleTable(task.comparison, cohort, task.attributions);
    return new TextEncoder().encode(csvLines([table.header, ...table.rows]));
  }
  const { amounts, included } = task.comparison;
  const versions = task.comparison.versions.map((v) => v.version);
  const people = [];
  for (let i = 0; i < cohort.size; i++) {
    if (!included[i]) continue;
    people.push({
      ref: cohort.refs[i]!,
      clientGroup: cohort.clientGroups[cohort.clientGroupOf[i]!]!,
      ageBand: cohort.ageBands[cohort.ageBandOf[i]!]!.label,
      annualPence: Object.fromEntries(versions.map((v, k) => [v, amounts[k]![i]!])),
      changePence: Object.fromEntries(versions.slice(1).map((v, k) => [v, amounts[k + 1]![i]! - amounts[0]![i]!])),
      attribution: Object.fromEntries(
        task.attributions.map((a, k) => [versions[k + 1]!, Object.fromEntries(a.steps.map((step, j) => [step.id, a.annual[j]![i]!]))]),
      ),
    });
  }
  return new TextEncoder().encode(JSON.stringify(people));
}

function cohortOf(input: CohortInput): EncodedCohort {
  let cohort = cohorts.get(input.id);
  if (!cohort) {
    cohort = deserializeCohort(JSON.parse(new TextDecoder().decode(input.bytes)));
    if (cohorts.size >= CACHE) cohorts.delete(cohorts.keys().next().value!);
    cohorts.set(input.id, cohort);
  }
  return cohort;
}

async function verifyStore(location: StoreLocation, trust: Trust): Promise<IntegrityReport> {
  const report = await verifyRecordAt(location, trust);
  if (!report) throw new Error(`${describeLocation(location)} holds no record to check`);
  return report;
}

/** Counts for the cohort's record, so lists can show its make-up without loading the people. */
export function describeCohort(cohort: EncodedCohort): CohortDescription {
  const count = (labels: readonly string[], codes: Uint16Array) => {
    const counts: Record<string, number> = {};
    for (const code of codes) counts[labels[code]!] = (counts[labels[code]!] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  };
  let withCurrentCost = 0;
  for (const cost of cohort.currentAnnualCostPence) if (!Number.isNaN(cost)) withCurrentCost++;
  return {
    people: cohort.size,
    byClientGroup: count(cohort.clientGroups, cohort.clientGroupOf),
    byAgeBand: count(
      cohort.ageBands.map((b) => b.label),
      cohort.ageBandOf,
    ),
    withCurrentCost,
  };
}
