/**
 * Stored cohorts, as pure decisions: a cohort's record is kept once its people are stored (they are a
 * document of their own, written first, so that a record never names people that are not there), and a
 * cohort goes only when no policy compares its versions over it.
 */

import type { CohortRecord } from '../store/records.js';
import type { CommitContext, Decided, StoredState } from './changes.js';
import { DomainError } from './errors.js';

export function recordCohort(described: Omit<CohortRecord, 'createdAt'>, commit: CommitContext): Decided<CohortRecord> {
  const record: CohortRecord = { ...described, createdAt: commit.at };
  return {
    answer: record,
    changes: {
      put: [{ collection: 'cohorts', row: record }],
      events: [
        {
          at: commit.at,
          actor: record.createdBy,
          action: 'cohort.create',
          target: `cohort:${record.id}`,
          details: { name: record.name, people: record.people, source: record.source },
        },
      ],
    },
  };
}

export function deleteCohort(state: StoredState, id: string, actor: { username: string }, commit: CommitContext): Decided<void> {
  const users = state.rows('policies').filter((p) => p.referenceCohortId === id);
  if (users.length > 0)
    throw new DomainError(
      'conflict',
      'cohort_in_use',
      `Cohort ${id} is the reference cohort of ${users.map((p) => `'${p.id}'`).join(', ')}: choose another reference cohort (or none) first.`,
    );
  if (!state.rows('cohorts').some((c) => c.id === id))
    throw new DomainError('not-found', 'cohort_not_found', `There is no cohort '${id}'.`);
  return {
    answer: undefined,
    changes: {
      remove: [{ collection: 'cohorts', key: id }],
      events: [{ at: commit.at, actor: actor.username, action: 'cohort.delete', target: `cohort:${id}` }],
    },
  };
}
