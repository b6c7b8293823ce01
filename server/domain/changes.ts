/**
 * What a decision of the domain changes. A decision is a pure function of what is stored, the command,
 * who gives it and the commit it is part of (its revision and time); it answers with the changes to make
 * and the audit events that vouch for them, and the one command runner (server/commands.ts) applies them
 * in the store's transaction. So every write the service makes is decided here and applied one way.
 */

import type { AuditEvent } from '../audit/chain.js';
import type { Checkpoint } from '../audit/checkpoint.js';
import type { AuditAnchor, CollectionName, Collections, DecisionRecord, DecisionSummary, FinalBudget } from '../store/records.js';

/** A row written whole: new, or replacing the row with the same key. */
export type RowWrite = { [K in CollectionName]: { collection: K; row: Collections[K][number] } }[CollectionName];

/** A row removed, by its key within its collection (store/records.ts keyOf). */
export interface RowRemoval {
  collection: CollectionName;
  key: string;
}

export interface Changes {
  put?: readonly RowWrite[];
  remove?: readonly RowRemoval[];
  /** Decisions recorded: a decision is never replaced, only its final budget set. */
  decisions?: readonly DecisionRecord[];
  finalBudgets?: ReadonlyArray<{ id: string; finalBudget: FinalBudget }>;
  /** Every change must be vouched for by an event for its target; events may also record what changes nothing. */
  events: readonly AuditEvent[];
}

/** A decision's changes, and what the command answers. */
export interface Decided<T> {
  changes: Changes;
  answer: T;
}

/** What a decision reads: the stored collections as the commit sees them, and decisions by id. */
export interface StoredState {
  rows<K extends CollectionName>(name: K): Readonly<Collections[K]>;
  decision(id: string): DecisionSummary | undefined;
}

/** The commit a decision is part of: each row it writes carries its revision. */
export interface CommitContext {
  revision: number;
  at: string;
  auditHead: AuditAnchor;
  /** The record before this commit (the last commit and auditHead), signed with the audit key: a ratification keeps it. */
  checkpoint?: () => Checkpoint;
}

/** Nothing changes, but the events are recorded (a failed sign-in, say). */
export function eventsOnly(...events: AuditEvent[]): Changes {
  return { events };
}
