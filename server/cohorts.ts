/** Stored cohorts: the record in the cohorts collection, the people in a document of their own. */

import type { EncodedCohort } from '../engine/index.js';
import { deserializeCohort, type SerializedCohort } from './store/cohort-columns.js';
import { HttpProblem } from './errors.js';
import type { CohortRecord } from './store/records.js';
import type { Store } from './store/store.js';

const CACHE_SIZE = 4;
const cache = new Map<string, EncodedCohort>();

export function requireCohortRecord(store: Store, id: string): CohortRecord {
  const record = store.all('cohorts').find((c) => c.id === id);
  if (!record) throw new HttpProblem(404, 'cohort_not_found', `There is no cohort '${id}'.`);
  return record;
}

/** A stored cohort's people, decoded once and kept for the next few comparisons. */
export async function loadCohort(store: Store, id: string): Promise<{ record: CohortRecord; cohort: EncodedCohort }> {
  const record = requireCohortRecord(store, id);
  let cohort = cache.get(id);
  if (!cohort) {
    const stored = await store.getDocument('cohort', id);
    if (!stored) throw new HttpProblem(404, 'cohort_not_found', `Cohort '${id}' has no stored people.`);
    cohort = deserializeCohort(stored as SerializedCohort);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(id, cohort);
  }
  return { record, cohort };
}

export function forgetCohort(id: string): void {
  cache.delete(id);
}

/** Counts for the cohort's record, so lists can show its make-up without loading the people. */
export function describeCohort(cohort: EncodedCohort) {
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
