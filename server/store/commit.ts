/**
 * A commit, whatever keeps it: the changed rows, the decisions recorded and final budgets set, and the
 * audit entries that vouch for them. The header holds what a store keeps in memory; the body what it
 * reads back only on demand (each decision's assessment and result).
 */

import type { Checkpoint } from '../audit/checkpoint.js';
import type { AuditEntry, CollectionName, DecisionSummary, FinalBudget } from './records.js';

export interface Change {
  /** The collection. */
  c: CollectionName;
  /** The row's key in its collection. */
  k: string;
  /** The audit target that must vouch for the change. */
  t: string;
  /** The row as it now is; null when it was removed. */
  row: Record<string, unknown> | null;
}

export interface FinalBudgetChange {
  id: string;
  revision: number;
  finalBudget: FinalBudget;
}

export interface CommitHeader {
  commit: number;
  at: string;
  changes: Change[];
  decisions: DecisionSummary[];
  finalBudgets: FinalBudgetChange[];
  audit: AuditEntry[];
  /**
   * The record before this commit (the commit before, and the audit chain's head after it), signed with
   * the audit key: carried every CHECKPOINT_EVERY commits and on each new day (server/audit/checkpoint.ts).
   */
  checkpoint?: Checkpoint;
  /** The first commit of a store upgraded from the one-file-per-collection layout: its rows predate the journal. */
  import?: true;
}

export interface DecisionPayload {
  id: string;
  assessment: unknown;
  result: unknown;
}

export interface CommitBody {
  decisions?: DecisionPayload[];
}
