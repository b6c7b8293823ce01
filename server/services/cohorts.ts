/** Stored cohorts: the record in the cohorts collection, the people in a document of their own. */

import { DomainError } from '../domain/errors.js';
import type { CohortRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { CohortInput } from '../work/tasks.js';

export function requireCohortRecord(store: Store, id: string): CohortRecord {
  const record = store.all('cohorts').find((c) => c.id === id);
  if (!record) throw new DomainError('not-found', 'cohort_not_found', `There is no cohort '${id}'.`);
  return record;
}

/** A stored cohort's people as the work pool takes them: its id and its stored bytes. */
export async function cohortInput(store: Store, id: string): Promise<{ record: CohortRecord; cohort: CohortInput }> {
  const record = requireCohortRecord(store, id);
  const bytes = await store.getDocument('cohort', id);
  if (!bytes) throw new DomainError('not-found', 'cohort_not_found', `Cohort '${id}' has no stored people.`);
  return { record, cohort: { id, bytes } };
}
