/**
 * What a full check of the record found: the same report whichever store kept the record (a data
 * directory or PostgreSQL), from the store's verify(), GET /api/audit/verify and `ras audit verify`.
 */

import type { AuditAnchor } from './records.js';

export type IntegrityCode =
  | 'journal_damaged'
  | 'commit_missing'
  | 'chain_broken'
  | 'change_unaudited'
  | 'entry_without_change'
  | 'digest_mismatch'
  | 'anchor_mismatch'
  | 'journal_truncated'
  | 'file_differs'
  | 'recorded_finding';

export interface IntegrityProblem {
  code: IntegrityCode;
  message: string;
  seq?: number;
  commit?: number;
  file?: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** Commits in the journal. */
  commits: number;
  /** Audit entries in the chain. */
  entries: number;
  head: AuditAnchor;
  /** Ratification anchors checked against the chain. */
  anchors: number;
  problems: IntegrityProblem[];
  /** Bytes at the journal's end that a crash cut short: never acknowledged, and set aside when the server next starts. */
  tornTail?: { offset: number; bytes: number };
}
