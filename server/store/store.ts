import type { AuditEvent } from '../audit/chain.js';
import type { Checkpoint } from '../audit/checkpoint.js';
import type { IntegrityReport } from './integrity-report.js';
import type { AuditAnchor, AuditEntry, CollectionName, Collections, DecisionRecord, DecisionSummary, FinalBudget } from './records.js';

/** A cohort's people; a comparison job's record (what it is, how far it has got, its summary). */
export type DocumentKind = 'cohort' | 'comparison';

/**
 * One commit in the making. The function given to Store.transact runs synchronously against it, so no
 * other change can come between what it reads and what it writes: every guard of the domain is
 * evaluated here, never across an await. Nothing it does is kept unless the function returns normally.
 */
export interface Draft {
  /** This commit's number: the revision, and so the ETag, of every row it writes. */
  readonly revision: number;
  /** The audit chain's head before this commit. */
  readonly auditHead: AuditAnchor;
  /** The record before this commit (the last commit and auditHead), signed with the audit key at `at`. */
  checkpoint(at: string): Checkpoint;
  /** A private copy of a collection, made the first time it is asked for; it replaces the stored one on commit. */
  rows<K extends CollectionName>(name: K): Collections[K];
  /** An audit entry for this commit. Every change a commit makes must be vouched for by an entry for its target. */
  audit(event: AuditEvent): void;
  /** Appends a decision (its revision must be this commit's). */
  addDecision(decision: DecisionRecord): void;
  decision(id: string): DecisionSummary | undefined;
  /** Records a decision's final budget, as this commit's revision of it. */
  setFinalBudget(id: string, finalBudget: FinalBudget): DecisionSummary;
}

export interface DecisionQuery {
  policyId?: string;
  createdBy?: string;
  /** Only the decisions on an assessment with this reference, in any case. */
  reference?: string;
  /** At most this many, newest first, after skipping `offset` (default 0) of those that match. */
  limit: number;
  offset?: number;
}

/** One page of the decisions a query matches, and how many match in all. */
export interface DecisionPage {
  decisions: DecisionSummary[];
  total: number;
}

export interface AuditQuery {
  target?: string;
  actor?: string;
  action?: string;
}

/** What an audit entry is known by without reading it: enough to filter and search the whole log in memory. */
export interface AuditHeadline {
  action: string;
  actor: string;
  target: string;
}

export interface AuditPageQuery extends AuditQuery {
  /** Only the entries this says yes to: a search, judged on the headline alone. */
  matches?: (entry: AuditHeadline) => boolean;
  newestFirst: boolean;
  offset: number;
  limit: number;
}

/** One page of the audit entries a query matches, and how many match in all. */
export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/**
 * The service's storage port. A commit is the changed rows, decisions and final budgets together with
 * their audit entries: all of it is kept, or (after a crash before the commit was acknowledged) none of
 * it. The promise resolves once the commit is on disk.
 */
export interface Store {
  all<K extends CollectionName>(name: K): Readonly<Collections[K]>;
  /**
   * Brings what this process holds up to date with the record: with several servers over one database,
   * whatever any of them has committed is seen from here on. Called before each request is served.
   */
  refresh(): Promise<void>;
  transact<T>(change: (draft: Draft) => T): Promise<T>;
  decisionSummary(id: string): DecisionSummary | undefined;
  decision(id: string): Promise<DecisionRecord | undefined>;
  /** Recorded decisions, newest first, a page at a time. */
  decisions(query: DecisionQuery): DecisionPage;
  /** Audit entries, oldest first. */
  auditEntries(query?: AuditQuery): Promise<AuditEntry[]>;
  /** One page of the audit entries a query matches: only that page's entries are read. */
  auditPage(query: AuditPageQuery): Promise<AuditPage>;
  auditHead(): AuditAnchor;
  /**
   * The whole record checked from disk: the chain, its anchors and checkpoints, every change against its
   * entry, the lifecycle's rules, and the files beside it; and that it contains the checkpoints given
   * (kept outside the record) at the heads they name.
   */
  verify(known?: readonly Checkpoint[]): Promise<IntegrityReport>;
  /** The last commit on disk and the chain's head after it, signed with the audit key now: the line for the minutes. */
  checkpoint(): Checkpoint;
  /** The public keys checkpoints are checked against: the audit key's own first, then earlier ones still trusted. */
  readonly trustedKeys: readonly string[];
  /** Large documents kept apart from the collections (a cohort's people), as bytes, written atomically. */
  putDocument(kind: DocumentKind, id: string, bytes: Uint8Array): Promise<void>;
  getDocument(kind: DocumentKind, id: string): Promise<Uint8Array | null>;
  deleteDocument(kind: DocumentKind, id: string): Promise<void>;
  /** Whether the store was empty (nothing on disk) when it was opened. */
  readonly wasEmpty: boolean;
  close(): Promise<void>;
}
