/**
 * The one command runner: a decision of the domain (server/domain/) is taken inside the store's
 * transaction, against the state the commit sees, and its changes are applied with the audit events that
 * vouch for them, all in one commit or none. Nothing else in the service writes to the store but the
 * seeding of a new store's example schemes (server/services/seed.ts), which applies the lifecycle's changes the same way.
 */

import { type Clock, isoNow } from './clock.js';
import type { Changes, CommitContext, Decided, StoredState } from './domain/changes.js';
import { keyOf } from './store/records.js';
import type { Draft, Store } from './store/store.js';

export type Decision<T> = (state: StoredState, commit: CommitContext) => Decided<T>;

export function runDecision<T>(store: Store, clock: Clock, decision: Decision<T>): Promise<T> {
  return store.transact((draft) => {
    const at = isoNow(clock);
    const decided = decision(draft, { revision: draft.revision, at, auditHead: draft.auditHead, checkpoint: () => draft.checkpoint(at) });
    applyChanges(draft, decided.changes);
    return decided.answer;
  });
}

/** The changes written into a commit in the making: also how seeding writes the example schemes, step by step. */
export function applyChanges(draft: Draft, changes: Changes): void {
  for (const { collection, key } of changes.remove ?? []) {
    const rows = draft.rows(collection) as Array<Parameters<typeof keyOf>[1]>;
    const index = rows.findIndex((row) => keyOf(collection, row) === key);
    if (index >= 0) rows.splice(index, 1);
  }
  for (const { collection, row } of changes.put ?? []) {
    const rows = draft.rows(collection) as Array<typeof row>;
    const key = keyOf(collection, row);
    const index = rows.findIndex((r) => keyOf(collection, r) === key);
    if (index >= 0) rows[index] = row;
    else rows.push(row);
  }
  for (const decision of changes.decisions ?? []) draft.addDecision(decision);
  for (const { id, finalBudget } of changes.finalBudgets ?? []) draft.setFinalBudget(id, finalBudget);
  for (const event of changes.events) draft.audit(event);
}
