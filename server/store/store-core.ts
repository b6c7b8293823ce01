/**
 * What every store keeps in memory, and how a commit is made, whatever holds the record underneath (a
 * journal file, or PostgreSQL): the collections, an index of decisions and of the audit chain, and the
 * chain's head.
 *
 * A commit is first prepared: the domain's function runs synchronously against a Draft of the current
 * state, and what it changed is worked out, checked (every change vouched for by an audit entry) and
 * chained onto the audit log. The store writes the prepared commit to its record, and applies it here.
 * Commits read from the record (on opening, or made by another server over the same database) are
 * applied the same way, so every process holds the same state in the same order.
 */

import { type AuditEvent, chainEntry, EVENT_ONLY_ACTIONS, GENESIS } from '../audit/chain.js';
import { CHECKPOINT_EVERY, type Checkpoint, signCheckpoint } from '../audit/checkpoint.js';
import type { AuditKey } from '../audit/signing-key.js';
import type { Change, CommitBody, CommitHeader, FinalBudgetChange } from './commit.js';
import { changesByTarget, digestsByTarget } from './commit-content.js';
import {
  type AuditAnchor,
  type AuditEntry,
  auditTargetOf,
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type DecisionRecord,
  type DecisionSummary,
  type FinalBudget,
  keyOf,
} from './records.js';
import type { AuditPageQuery, AuditQuery, DecisionPage, DecisionQuery, Draft } from './store.js';

type Row = Collections[CollectionName][number];

/** What is kept in memory of each decision: its summary, and the commit that recorded it. */
export interface DecisionEntry {
  summary: DecisionSummary;
  commit: number;
}

/** What is kept in memory of each audit entry: enough to filter, and the commit that holds it. */
export interface AuditIndexEntry {
  seq: number;
  action: string;
  actor: string;
  target: string;
  commit: number;
}

/** A commit ready to be written: its header and body, and the domain function's result. */
export interface PreparedCommit {
  header: CommitHeader;
  body: CommitBody;
}

export class StoreCore {
  private readonly rows: { [K in CollectionName]: Map<string, Collections[K][number]> };
  /** Each collection as a frozen array, made again only after a commit changes it. */
  private readonly arrays = new Map<CollectionName, readonly Row[]>();
  private commitNumber = 0;
  private head: AuditAnchor = GENESIS;
  private readonly decisionIndex = new Map<string, DecisionEntry>();
  private readonly decisionsInOrder: DecisionEntry[] = [];
  private readonly auditIndex: AuditIndexEntry[] = [];
  private readonly strings = new Strings();
  /** The last checkpoint entry's commit and day (none yet: 0 and ''). */
  private lastCheckpoint = { commit: 0, day: '' };

  /** `key` signs checkpoints; a core that only reads a record (verification, a migration) needs none. */
  constructor(private readonly key?: AuditKey) {
    this.rows = Object.fromEntries(COLLECTIONS.map((name) => [name, new Map()])) as unknown as StoreCore['rows'];
  }

  /** The last commit applied. */
  get commit(): number {
    return this.commitNumber;
  }

  all<K extends CollectionName>(name: K): Readonly<Collections[K]> {
    let array = this.arrays.get(name);
    if (!array) {
      array = Object.freeze([...this.rows[name].values()]);
      this.arrays.set(name, array);
    }
    return array as unknown as Readonly<Collections[K]>;
  }

  auditHead(): AuditAnchor {
    return this.head;
  }

  decisionEntry(id: string): DecisionEntry | undefined {
    return this.decisionIndex.get(id);
  }

  /** Recorded decisions, newest first: the page the query asks for, and how many match in all. */
  decisions(query: DecisionQuery): DecisionPage {
    const offset = query.offset ?? 0;
    const decisions: DecisionSummary[] = [];
    let total = 0;
    for (let i = this.decisionsInOrder.length - 1; i >= 0; i--) {
      const { summary } = this.decisionsInOrder[i]!;
      if (
        (query.policyId === undefined || summary.policyId === query.policyId) &&
        (query.createdBy === undefined || summary.createdBy === query.createdBy) &&
        (query.reference === undefined || summary.reference?.toLowerCase() === query.reference.toLowerCase())
      ) {
        if (total >= offset && decisions.length < query.limit) decisions.push(summary);
        total++;
      }
    }
    return { decisions, total };
  }

  /** The audit entries a query asks for, oldest first, by the commit that holds each. */
  auditMatching(query: AuditQuery & { matches?: AuditPageQuery['matches'] }): AuditIndexEntry[] {
    return this.auditIndex.filter(
      (e) =>
        (query.target === undefined || e.target === query.target) &&
        (query.actor === undefined || e.actor === query.actor) &&
        (query.action === undefined || e.action === query.action) &&
        (query.matches === undefined || query.matches(e)),
    );
  }

  /** One page of the entries a query matches, in the order it asks for, and how many match in all. */
  auditPageIndex(query: AuditPageQuery): { page: AuditIndexEntry[]; total: number } {
    const matching = this.auditMatching(query);
    if (query.newestFirst) matching.reverse();
    return { page: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }

  /**
   * Runs the domain's function against a draft of the current state. Returns its result, and the commit
   * it makes, if it changed anything or recorded an event; nothing here changes until apply().
   */
  prepare<T>(change: (draft: Draft) => T): { result: T; commit: PreparedCommit | null } {
    const revision = this.commitNumber + 1;
    const copies = new Map<CollectionName, Row[]>();
    const events: AuditEvent[] = [];
    const newDecisions: DecisionRecord[] = [];
    const budgets = new Map<string, FinalBudgetChange>();
    const draft: Draft = {
      revision,
      auditHead: this.head,
      checkpoint: (at) => this.signed({ commit: this.commitNumber, ...this.head }, at),
      rows: <K extends CollectionName>(name: K) => {
        if (!copies.has(name)) copies.set(name, [...this.all(name)]);
        return copies.get(name) as Collections[K];
      },
      audit: (event) => {
        events.push(event);
      },
      addDecision: (decision) => {
        if (decision.revision !== revision)
          throw new Error(`decision ${decision.id} has revision ${decision.revision}, not this commit's ${revision}`);
        if (this.decisionIndex.has(decision.id) || newDecisions.some((d) => d.id === decision.id))
          throw new Error(`decision ${decision.id} exists`);
        newDecisions.push(decision);
      },
      decision: (id) => {
        const budget = budgets.get(id);
        const summary = this.decisionIndex.get(id)?.summary;
        return summary && budget ? { ...summary, revision: budget.revision, finalBudget: budget.finalBudget } : summary;
      },
      setFinalBudget: (id, finalBudget: FinalBudget) => {
        const summary = this.decisionIndex.get(id)?.summary;
        if (!summary) throw new Error(`no decision ${id}`);
        budgets.set(id, { id, revision, finalBudget });
        return { ...summary, revision, finalBudget };
      },
    };
    const result = change(draft);
    if (result instanceof Promise) throw new Error('a store transaction must be synchronous');

    const changes = this.changesOf(copies, revision);
    if (changes.length === 0 && newDecisions.length === 0 && budgets.size === 0 && events.length === 0) return { result, commit: null };
    const at = events[0]?.at ?? new Date(0).toISOString();
    const partial = {
      commit: revision,
      at,
      ...(this.checkpointDue(at) ? { checkpoint: this.checkpoint(at) } : {}),
      changes,
      decisions: newDecisions.map(summaryOf),
      finalBudgets: [...budgets.values()],
    };
    const body: CommitBody =
      newDecisions.length > 0 ? { decisions: newDecisions.map((d) => ({ id: d.id, assessment: d.assessment, result: d.result })) } : {};
    return { result, commit: { header: { ...partial, audit: this.chain(events, partial, body) }, body } };
  }

  /**
   * Applies a commit, prepared here or read from the record, which must be the next one. A commit
   * already applied is skipped: a server catching up may read back one it made itself.
   */
  apply(header: CommitHeader): void {
    if (header.commit <= this.commitNumber) return;
    if (header.commit !== this.commitNumber + 1)
      throw new Error(`commit ${header.commit} cannot follow commit ${this.commitNumber}: the commits between are missing`);
    for (const change of header.changes) {
      const rows = this.rows[change.c] as Map<string, Row>;
      if (change.row === null) rows.delete(change.k);
      else rows.set(change.k, deepFreeze(change.row) as unknown as Row);
      this.arrays.delete(change.c);
    }
    for (const summary of header.decisions) {
      const entry = { summary: compactSummary(summary, this.strings), commit: header.commit };
      this.decisionIndex.set(summary.id, entry);
      this.decisionsInOrder.push(entry);
    }
    for (const budget of header.finalBudgets) {
      const entry = this.decisionIndex.get(budget.id);
      if (entry)
        entry.summary = Object.freeze({ ...entry.summary, revision: budget.revision, finalBudget: deepFreeze(budget.finalBudget) });
    }
    for (const entry of header.audit) this.auditIndex.push(indexEntry(entry, header.commit, this.strings));
    if (header.checkpoint) this.lastCheckpoint = { commit: header.commit, day: header.at.slice(0, 10) };
    if (header.audit.length > 0) this.head = { seq: header.audit.at(-1)!.seq, hash: header.audit.at(-1)!.hash };
    this.commitNumber = header.commit;
  }

  /** The record as it stands (the last commit applied, and the chain's head), signed at `at`. */
  checkpoint(at: string): Checkpoint {
    return this.signed({ commit: this.commitNumber, ...this.head }, at);
  }

  private signed(point: { commit: number; seq: number; hash: string }, at: string): Checkpoint {
    if (!this.key) throw new Error('this store was opened without an audit key, so it cannot sign checkpoints');
    return signCheckpoint(this.key, point, at);
  }

  /**
   * Whether a commit made at `at` carries a checkpoint of the record before it: once the record has any
   * commit, when none has been recorded yet, CHECKPOINT_EVERY commits after the last, or on a new day.
   * So the record itself shows how far it reached, whatever is lost beside it.
   */
  private checkpointDue(at: string): boolean {
    if (!this.key || this.commitNumber === 0) return false;
    const { commit, day } = this.lastCheckpoint;
    return commit === 0 || this.commitNumber - commit >= CHECKPOINT_EVERY || at.slice(0, 10) > day;
  }

  /** Rows the draft added, replaced or removed, each with the target that must vouch for it. */
  private changesOf(copies: Map<CollectionName, Row[]>, revision: number): Change[] {
    const changes: Change[] = [];
    for (const [name, rows] of copies) {
      const old = this.rows[name] as Map<string, Row>;
      const seen = new Set<string>();
      for (const row of rows) {
        const key = keyOf(name, row);
        if (seen.has(key)) throw new Error(`${name} would hold two rows with the key ${key}`);
        seen.add(key);
        if (old.get(key) === row) continue;
        if ('revision' in row && row.revision !== revision)
          throw new Error(`${name} ${key} is written with revision ${row.revision}, not this commit's ${revision}`);
        changes.push({ c: name, k: key, t: auditTargetOf(name, row), row: row as unknown as Record<string, unknown> });
      }
      for (const [key, row] of old) if (!seen.has(key)) changes.push({ c: name, k: key, t: auditTargetOf(name, row), row: null });
    }
    return changes;
  }

  /** The commit's audit entries, chained after the head, each with the digest of the changes it vouches for. */
  private chain(events: readonly AuditEvent[], header: Omit<CommitHeader, 'audit'>, body: CommitBody): AuditEntry[] {
    const digests = digestsByTarget(changesByTarget(header, body));
    for (const target of digests.keys()) {
      if (!events.some((e) => e.target === target)) throw new Error(`a commit changes ${target} without an audit entry for it`);
    }
    let previous = this.head;
    return events.map((event) => {
      const digest = EVENT_ONLY_ACTIONS.has(event.action) ? null : (digests.get(event.target) ?? null);
      if (digest === null && !EVENT_ONLY_ACTIONS.has(event.action))
        throw new Error(`audit entry ${event.action} of ${event.target} vouches for a change the commit does not make`);
      const entry = chainEntry(previous, event, digest);
      previous = { seq: entry.seq, hash: entry.hash };
      return entry;
    });
  }
}

/**
 * The same few strings (actors, actions, versions, content hashes) recur in every decision and audit
 * entry; keeping one copy of each keeps the memory a stored decision costs small.
 */
class Strings {
  private readonly known = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  one(value: string): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    this.known.set(value, value);
    return value;
  }

  list(values: readonly string[]): readonly string[] {
    const key = values.join('\u0000');
    let known = this.lists.get(key);
    if (!known) {
      known = Object.freeze(values.map((v) => this.one(v)));
      this.lists.set(key, known);
    }
    return known;
  }
}

/** A decision's summary with one copy of each recurring string. */
function compactSummary(summary: DecisionSummary, strings: Strings): DecisionSummary {
  return Object.freeze({
    ...summary,
    createdBy: strings.one(summary.createdBy),
    policyId: strings.one(summary.policyId),
    version: strings.one(summary.version),
    contentHash: strings.one(summary.contentHash),
    asOf: summary.asOf === null ? null : strings.one(summary.asOf),
    flags: strings.list(summary.flags) as string[],
    finalBudget: summary.finalBudget === null ? null : deepFreeze(summary.finalBudget),
  });
}

function indexEntry(entry: AuditEntry, commit: number, strings: Strings): AuditIndexEntry {
  // A decision's target names that decision alone; the others recur (a version, a user).
  const target = entry.target.startsWith('decision:') ? entry.target : strings.one(entry.target);
  return { seq: entry.seq, action: strings.one(entry.action), actor: strings.one(entry.actor), target, commit };
}

export function summaryOf(decision: DecisionRecord): DecisionSummary {
  // Every stored field but the input and output, whatever fields the record's schema has; then what lists show of the result.
  const { assessment: _assessment, result, ...stored } = decision;
  return {
    ...stored,
    weeklyPence: result.weeklyPence,
    flags: result.flags.map((f) => f.code),
    reference: decision.assessment.reference ?? null,
  };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
