/**
 * A stopped server's PostgreSQL record, read and rewritten as a careful tamperer with write access to
 * the database (but not the audit key) would: the commits read back with their decisions' bodies, changed
 * in JavaScript, then every change's digest, every entry's hash, the ratifications' anchors and the
 * commit numbers recomputed, and the whole record written back the way the store writes it
 * (record-writer.ts), so that ras_audit, ras_decisions, ras_rows and ras_head all agree with the commits.
 * What the tamperer cannot recompute are the signed checkpoints: they are left out, or signed with a key
 * of their own.
 */

import { EVENT_ONLY_ACTIONS, entryHash, GENESIS } from '../../server/audit/chain.js';
import { type Checkpoint, signCheckpoint } from '../../server/audit/checkpoint.js';
import type { AuditKey } from '../../server/audit/signing-key.js';
import type { CommitBody, CommitHeader } from '../../server/store/commit.js';
import { changesByTarget, digestsByTarget } from '../../server/store/commit-content.js';
import { commitsSql } from '../../server/store/pg/record-writer.js';
import type { AuditAnchor, AuditEntry, VersionRecord } from '../../server/store/records.js';
import { locationOf, withClient } from './store-under-test.js';

export interface StoredCommit {
  header: CommitHeader;
  body: CommitBody;
}

export interface HeadRow {
  commit: number;
  seq: number;
  hash: string;
  checkpoint: Checkpoint | null;
}

export interface PgRecord {
  commits: StoredCommit[];
  head: HeadRow;
}

/** Runs `work` on one connection to the schema of the PostgreSQL store at `where`. */
function onSchema<T>(
  where: string,
  work: (query: (sql: string, values?: unknown[]) => Promise<{ rows: any[] }>) => Promise<T>,
): Promise<T> {
  const location = locationOf(where);
  if (location.kind !== 'postgres') throw new Error('pg-record works on PostgreSQL stores');
  return withClient(location.url, async (client) => {
    await client.query(`SET search_path = ${location.schema}`);
    return work((sql, values) => client.query(sql, values));
  });
}

/** Every commit, in order, each with its decisions' assessments and results; and the head row. */
export function readPgRecord(where: string): Promise<PgRecord> {
  return onSchema(where, async (query) => {
    const commits = (await query('SELECT header FROM ras_commits ORDER BY commit')).rows.map(
      (r): StoredCommit => ({ header: r.header as CommitHeader, body: {} }),
    );
    const byCommit = new Map(commits.map((c) => [c.header.commit, c]));
    // In the order the commit's header lists them: the body is digested in that order.
    for (const row of (await query('SELECT id, commit, assessment, result FROM ras_decisions')).rows) {
      const { body } = byCommit.get(Number(row.commit))!;
      body.decisions = [...(body.decisions ?? []), { id: row.id, assessment: row.assessment, result: row.result }];
    }
    for (const { header, body } of commits)
      body.decisions?.sort((a, b) => header.decisions.findIndex((d) => d.id === a.id) - header.decisions.findIndex((d) => d.id === b.id));
    const head = (await query('SELECT commit, audit_seq, audit_hash, checkpoint FROM ras_head')).rows[0];
    return {
      commits,
      head: { commit: Number(head.commit), seq: Number(head.audit_seq), hash: head.audit_hash, checkpoint: head.checkpoint },
    };
  });
}

/**
 * Replaces the whole record with `commits`, as the store would have written them: the tables kept beside
 * the commits (ras_audit, ras_decisions, ras_rows) rebuilt from them, and the head row set to their end,
 * carrying `checkpoint` (null: none). The documents (a cohort's people) are left as they are.
 */
export function writePgRecord(where: string, commits: readonly StoredCommit[], checkpoint: Checkpoint | null): Promise<void> {
  return onSchema(where, async (query) => {
    await query('BEGIN');
    await query('TRUNCATE ras_commits, ras_audit, ras_decisions, ras_rows');
    await query(`UPDATE ras_head SET commit = 0, audit_seq = 0, audit_hash = repeat('0', 64), checkpoint = NULL`);
    if (commits.length > 0) await query(commitsSql(commits, null));
    await query('UPDATE ras_head SET checkpoint = $1::json', [checkpoint === null ? null : JSON.stringify(checkpoint)]);
    await query('COMMIT');
  });
}

export interface Rewrite {
  /**
   * Changes one commit (a copy, free to change in place): its rows, decisions, final budgets, audit
   * entries' who and what. Returns null to leave the commit out. Numbers, digests, hashes and anchors
   * are recomputed afterwards.
   */
  edit?: (commit: StoredCommit) => StoredCommit | null;
  /** Signs every checkpoint afresh with this key (a tamperer's own); without it, they are all left out. */
  signWith?: AuditKey;
}

/**
 * The record rewritten consistently, as if it had always been so: each commit numbered in turn (rows,
 * decisions and final budgets carrying the new numbers as their revisions), each change's digest and
 * each entry's hash recomputed, each ratification's anchor moved to the entry's new hash. Returns the
 * commits and the head's checkpoint (null unless `signWith`).
 */
export function rewriteRecord(
  commits: readonly StoredCommit[],
  rewrite: Rewrite,
): { commits: StoredCommit[]; checkpoint: Checkpoint | null } {
  const out: StoredCommit[] = [];
  let previous: AuditAnchor = GENESIS;
  /** Each old entry's place in the new chain (an entry left out: the one before it). */
  const seqs = new Map<number, AuditAnchor>([[0, GENESIS]]);
  /** Each old commit's new number (a commit left out: the one before it). */
  const numbers = new Map<number, number>([[0, 0]]);
  const sign = (point: { commit: number; seq: number; hash: string }, at: string) =>
    rewrite.signWith ? signCheckpoint(rewrite.signWith, point, at) : undefined;

  for (const original of commits) {
    const copy = structuredClone(original);
    const edited = rewrite.edit ? rewrite.edit(copy) : copy;
    const oldNumber = original.header.commit;
    if (!edited) {
      numbers.set(oldNumber, out.length);
      for (const entry of original.header.audit) seqs.set(entry.seq, previous);
      continue;
    }
    const { header, body } = edited;
    const number = out.length + 1;
    numbers.set(oldNumber, number);
    const renumbered = (revision: unknown) => (typeof revision === 'number' ? (numbers.get(revision) ?? revision) : revision);

    header.commit = number;
    const { checkpoint: _dropped, ...rest } = header;
    const signed = original.header.checkpoint ? sign({ commit: number - 1, ...previous }, original.header.checkpoint.at) : undefined;
    // The header's fields in the order the store writes them.
    const next: CommitHeader = {
      commit: rest.commit,
      at: rest.at,
      ...(signed ? { checkpoint: signed } : {}),
      changes: rest.changes,
      decisions: rest.decisions,
      finalBudgets: rest.finalBudgets,
      audit: rest.audit,
      ...(rest.import ? { import: rest.import } : {}),
    };
    for (const change of next.changes) {
      if (!change.row) continue;
      if ('revision' in change.row) change.row.revision = renumbered(change.row.revision);
      if (change.c === 'versions') moveRatification(change.row as unknown as VersionRecord);
    }
    for (const decision of next.decisions) decision.revision = number;
    for (const budget of next.finalBudgets) budget.revision = number;

    const digests = digestsByTarget(changesByTarget(next, body));
    next.audit = next.audit.map((entry) => {
      const { hash: _hash, ...fields } = entry;
      const digest =
        entry.digest === undefined || EVENT_ONLY_ACTIONS.has(entry.action) ? entry.digest : (digests.get(entry.target) ?? null);
      const chained = { ...fields, seq: previous.seq + 1, prevHash: previous.hash, ...(digest === undefined ? {} : { digest }) };
      const rehashed: AuditEntry = { ...chained, hash: entryHash(chained) };
      seqs.set(entry.seq, { seq: rehashed.seq, hash: rehashed.hash });
      previous = { seq: rehashed.seq, hash: rehashed.hash };
      return rehashed;
    });
    out.push({ header: next, body });
  }
  const last = out.at(-1)?.header.commit ?? 0;
  return { commits: out, checkpoint: sign({ commit: last, ...previous }, new Date().toISOString()) ?? null };

  /** A ratification's anchor and checkpoint, moved to the new chain (the checkpoint left out, or signed afresh). */
  function moveRatification(version: VersionRecord): void {
    const ratification = version.ratification;
    if (!ratification) return;
    if (ratification.auditAnchor) ratification.auditAnchor = seqs.get(ratification.auditAnchor.seq) ?? ratification.auditAnchor;
    const kept = ratification.checkpoint;
    delete ratification.checkpoint;
    if (kept) {
      // Signed the same way wherever the version's row recurs (Ed25519 signatures are deterministic).
      const resigned = sign({ commit: numbers.get(kept.commit) ?? kept.commit, ...seqs.get(kept.seq)! }, kept.at);
      if (resigned) ratification.checkpoint = resigned;
    }
  }
}
