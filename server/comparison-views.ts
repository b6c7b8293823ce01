/** How a comparison job is shown over HTTP: the summary as JSON, and one row per person as CSV or JSON. */

import type { EncodedCohort } from '../engine/index.js';
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
  if (!job.comparison) return base;
  const { amounts: _amounts, included: _included, ...summary } = job.comparison;
  return {
    ...base,
    result: {
      ...summary,
      attribution: job.attributions.map((a, k) => ({
        base: job.request.versions[0]!.version,
        candidate: job.request.versions[k + 1]!.version,
        steps: a.steps,
      })),
    },
  };
}

export interface PersonRow {
  ref: string;
  clientGroup: string;
  ageBand: string;
  annualPence: Record<string, number>;
  changePence: Record<string, number>;
  attribution: Record<string, Record<string, number>>;
}

/** One row per compared person: each version's annual amount, the change from the first, and its parts. */
export function* personRows(job: ComparisonJob): Generator<PersonRow> {
  const comparison = job.comparison!;
  const cohort: EncodedCohort = job.request.cohort;
  const versions = job.request.versions.map((v) => v.version);
  for (let i = 0; i < cohort.size; i++) {
    if (!comparison.included[i]) continue;
    const annualPence = Object.fromEntries(versions.map((v, k) => [v, comparison.amounts[k]![i]!]));
    const changePence = Object.fromEntries(
      versions.slice(1).map((v, k) => [v, comparison.amounts[k + 1]![i]! - comparison.amounts[0]![i]!]),
    );
    const attribution = Object.fromEntries(
      job.attributions.map((a, k) => [versions[k + 1]!, Object.fromEntries(a.steps.map((s, j) => [s.id, a.annual[j]![i]!]))]),
    );
    yield {
      ref: cohort.refs[i]!,
      clientGroup: cohort.clientGroups[cohort.clientGroupOf[i]!]!,
      ageBand: cohort.ageBands[cohort.ageBandOf[i]!]!.label,
      annualPence,
      changePence,
      attribution,
    };
  }
}

export function csvHeader(job: ComparisonJob): string {
  const versions = job.request.versions.map((v) => v.version);
  const columns = [
    'ref',
    'clientGroup',
    'ageBand',
    ...versions.map((v) => `annual ${v} (£)`),
    ...versions.slice(1).map((v) => `change to ${v} (£)`),
    ...job.attributions.flatMap((a, k) => a.steps.map((s) => `${versions[k + 1]}: ${s.label} (£)`)),
  ];
  return columns.map(csvCell).join(',');
}

export function csvRow(job: ComparisonJob, row: PersonRow): string {
  const versions = job.request.versions.map((v) => v.version);
  const pounds = (pence: number) => (pence / 100).toFixed(2);
  return [
    row.ref,
    row.clientGroup,
    row.ageBand,
    ...versions.map((v) => pounds(row.annualPence[v]!)),
    ...versions.slice(1).map((v) => pounds(row.changePence[v]!)),
    ...job.attributions.flatMap((a, k) => a.steps.map((s) => pounds(row.attribution[versions[k + 1]!]![s.id]!))),
  ]
    .map(csvCell)
    .join(',');
}

function csvCell(value: string): string {
  // Quote anything a spreadsheet could misread, and defuse formula injection from refs.
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
