/**
 * The PostgreSQL store: for councils that run several servers over one database.
 *
 * The record is the same as the embedded store's journal, one row of ras_commits a commit, so both give
 * the same guarantees and verify the same way. Each server holds the state in memory (StoreCore) and
 * keeps it current: before a request is served it reads any commits another server has made since
 * (refresh), and a commit is made holding the head row's lock, after catching up, so every guard of the
 * domain is evaluated against the latest state of the whole system and commits are numbered without a
 * gap. Commits waiting in one server are written together in one transaction (group commit).
 */

import type pg from 'pg';
import { type Checkpoint, isSigned, type RecordPoint } from '../../audit/checkpoint.js';
import type { AuditKey } from '../../audit/signing-key.js';
import type { Trust } from '../integrity.js';
import type { IntegrityReport } from '../integrity-report.js';
import type { CommitHeader } from '../commit.js';
import { decisionRecord } from '../commit-content.js';
import type { AuditAnchor, AuditEntry, CollectionName, Collections, DecisionRecord, DecisionSummary, VersionRecord } from '../records.js';
import { type PreparedCommit, StoreCore } from '../store-core.js';
import type { AuditPage, AuditPageQuery, AuditQuery, DecisionPage, DecisionQuery, DocumentKind, Draft, Store } from '../store.js';
import { AUDIT_COLUMNS, type AuditRow, auditEntryOf } from './audit-rows.js';
import { connect, type DatabaseOptions, migrate } from './database.js';
import { readDocument, writeDocument } from './documents.js';
import { verifyPgRecord } from './pg-integrity.js';
import { commitsSql } from './record-writer.js';

export interface PgStoreOptions extends DatabaseOptions {
  /** Runs the full check of the record (verifyPgRecord); the server runs it in its work pool. */
  verifier?: (trust: Trust) => Promise<IntegrityReport>;
  /** Signs the record's checkpoints (the head row, the checkpoint entries, ratifications). */
  auditKey: AuditKey;
  /** Earlier audit keys (public), whose checkpoints are still trusted. */
  trustedKeys?: readonly string[];
}

/** The record in the database is not one a store may open on: commits are missing or out of order. */
export class PgRecordError extends Error {
  constructor(message: string) {
    super(
      `The database's record cannot be trusted, so the server will not start on it: ${message}. Check it with 'ras audit verify --database-url …'.`,
    );
    this.name = 'PgRecordError';
  }
}

interface Waiting {
  change: (draft: Draft) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A cohort's people no commit has recorded for this long were left by a request that failed. */
const ORPHAN_AFTER = '1 hour';
/** How long a comparison job's record is kept. */
const COMPARISONS_KEPT = '1 day';

export class PgStore implements Store {
  private core: StoreCore;
  readonly trustedKeys: readonly string[];
  private readonly key: AuditKey;
  private readonly waiting: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  /** The look at the head row that requests arriving now will share (refresh). */
  private nextLook: Promise<void> | null = null;
  /** While the state is being read again from the database (after a failed write), everything waits for it. */
  private reloading: Promise<void> | null = null;
  private verifier: (trust: Trust) => Promise<IntegrityReport>;
  wasEmpty = false;

  private constructor(
    private readonly pool: pg.Pool,
    options: PgStoreOptions,
  ) {
    this.key = options.auditKey;
    this.core = new StoreCore(this.key);
    this.trustedKeys = [this.key.publicKey, ...(options.trustedKeys ?? []).filter((k) => k !== this.key.publicKey)];
    this.verifier = options.verifier ?? ((trust) => verifyPgRecord(this.pool, trust));
  }

  static async open(options: PgStoreOptions): Promise<PgStore> {
    const pool = connect(options);
    try {
      await migrate(pool, options.schema);
      const store = new PgStore(pool, options);
      const head = await store.load();
      store.wasEmpty = store.core.commit === 0;
      // A record from before checkpoints: its head is signed from the next commit on, and that is recorded.
      if (head === 'before checkpoints' && !store.wasEmpty)
        await store.transact((draft) =>
          draft.audit({
            at: new Date().toISOString(),
            actor: 'system:store',
            action: 'store.upgrade',
            target: 'store:journal',
            details: { checkpointsFrom: draft.revision - 1, auditKey: store.key.publicKey },
          }),
        );
      // A head row changed outside the service: the next commit writes it again, so the finding goes into the
      // audit log (as the embedded store records a head.json it sets aside), where verification reports it from then on.
      if (typeof head === 'object')
        await store.transact((draft) =>
          draft.audit({
            at: new Date().toISOString(),
            actor: 'system:store',
            action: 'store.integrity',
            target: 'file:ras_head',
            details: { finding: head.finding, ...(head.checkpoint ? { rejected: head.checkpoint } : {}) },
          }),
        );
      await pool.query(
        `DELETE FROM ras_documents d
          WHERE (kind = 'cohort' AND written_at < now() - interval '${ORPHAN_AFTER}'
                 AND NOT EXISTS (SELECT 1 FROM ras_rows r WHERE r.collection = 'cohorts' AND r.key = d.id))
             OR (kind = 'comparison' AND written_at < now() - interval '${COMPARISONS_KEPT}')`,
      );
      return store;
    } catch (e) {
      await pool.end();
      throw e;
    }
  }

  all<K extends CollectionName>(name: K): Readonly<Collections[K]> {
    return this.core.all(name);
  }

  auditHead(): AuditAnchor {
    return this.core.auditHead();
  }

  decisionSummary(id: string): DecisionSummary | undefined {
    return this.core.decisionEntry(id)?.summary;
  }

  decisions(query: DecisionQuery): DecisionPage {
    return this.core.decisions(query);
  }

  /**
   * Brings this server's state up to the database's: what any server has committed is seen at once.
   * Requests that arrive together share one look at the head row, taken after the last of them arrived
   * (so none is answered from a look older than itself).
   */
  refresh(): Promise<void> {
    this.nextLook ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.nextLook = null;
      return this.lookAtHead();
    });
    return this.nextLook;
  }

  private async lookAtHead(): Promise<void> {
    await this.reloading;
    const { rows } = await this.pool.query<{ commit: string }>('SELECT commit FROM ras_head');
    if (Number(rows[0]!.commit) > this.core.commit) await this.catchUp(this.pool);
  }

  transact<T>(change: (draft: Draft) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      this.startFlushing();
    });
  }

  /**
   * One flush at a time. A change can arrive after the flush's last look at the queue but before it has
   * finished (a caller resolved by it commits again at once): the next flush starts then.
   */
  private startFlushing(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.waiting.length > 0) this.startFlushing();
    });
  }

  async decision(id: string): Promise<DecisionRecord | undefined> {
    const entry = this.core.decisionEntry(id);
    if (!entry) return undefined;
    const { rows } = await this.pool.query<{ assessment: unknown; result: unknown }>(
      'SELECT assessment, result FROM ras_decisions WHERE id = $1',
      [id],
    );
    // A decision of a commit this server has applied but not yet written is not in the table for a moment.
    if (rows.length === 0) return undefined;
    return { ...decisionRecord(entry.summary, rows[0]!), revision: entry.summary.revision, finalBudget: entry.summary.finalBudget };
  }

  async auditEntries(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM ras_audit
        WHERE ($1::text IS NULL OR target = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
        ORDER BY seq`,
      [query.target ?? null, query.actor ?? null, query.action ?? null],
    );
    return rows.map(auditEntryOf);
  }

  async auditPage(query: AuditPageQuery): Promise<AuditPage> {
    const { page, total } = this.core.auditPageIndex(query);
    const { rows } = await this.pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM ras_audit WHERE seq = ANY($1::bigint[])`, [
      page.map((e) => e.seq),
    ]);
    const bySeq = new Map(rows.map((row) => [Number(row.seq), auditEntryOf(row)]));
    // An entry of a commit this server has applied but not yet written is not in the table for a moment.
    const entries = page.flatMap((e) => bySeq.get(e.seq) ?? []);
    return { entries, total };
  }

  verify(known: readonly Checkpoint[] = []): Promise<IntegrityReport> {
    return this.verifier({ keys: this.trustedKeys, known });
  }

  checkpoint(): Checkpoint {
    return this.core.checkpoint(new Date().toISOString());
  }

  async putDocument(kind: DocumentKind, id: string, bytes: Uint8Array): Promise<void> {
    await this.inTransaction((client) => writeDocument(client, kind, id, bytes));
  }

  async getDocument(kind: DocumentKind, id: string): Promise<Uint8Array | null> {
    return this.inTransaction((client) => readDocument(client, kind, id), 'REPEATABLE READ READ ONLY');
  }

  async deleteDocument(kind: DocumentKind, id: string): Promise<void> {
    await this.pool.query('DELETE FROM ras_documents WHERE kind = $1 AND id = $2', [kind, id]);
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, mode = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${mode}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.pool.end();
  }

  /**
   * Writes what is waiting, a batch at a time. Each batch takes the head row's lock, catches up with
   * commits other servers made, then runs each waiting change against the latest state, applying each
   * commit in memory as it is prepared so the next change sees it; all of them are then written in the
   * one transaction. If the write fails, memory holds commits the database lacks: it is read again.
   */
  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      await this.reloading;
      const batch = this.waiting.splice(0);
      const client = await this.pool.connect().catch((e) => {
        for (const w of batch) w.reject(e);
        return null;
      });
      if (!client) continue;
      const prepared: PreparedCommit[] = [];
      const settled: Array<() => void> = [];
      try {
        // One round trip to take the lock and read what other servers committed, one to write and commit.
        const [, , missed] = (await client.query(
          `BEGIN; SELECT commit FROM ras_head FOR UPDATE; ${COMMITS_AFTER(this.core.commit)}`,
        )) as unknown as pg.QueryResult<{ header: CommitHeader }>[];
        for (const { header } of missed!.rows) this.core.apply(header);
        for (const w of batch) {
          let outcome: { result: unknown; commit: PreparedCommit | null };
          try {
            outcome = this.core.prepare(w.change);
          } catch (e) {
            settled.push(() => w.reject(e));
            continue;
          }
          if (outcome.commit) {
            this.core.apply(outcome.commit.header);
            prepared.push(outcome.commit);
          }
          settled.push(() => w.resolve(outcome.result));
        }
        const signed = prepared.length > 0 ? this.core.checkpoint(new Date().toISOString()) : null;
        await client.query(`${commitsSql(prepared, signed)}${prepared.length > 0 ? ';' : ''} COMMIT`);
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        client.release();
        if (prepared.length > 0) await this.reload();
        for (const w of batch) w.reject(e);
        continue;
      }
      client.release();
      for (const settle of settled) settle();
    }
  }

  /** Applies, in order, the commits the database has that this server has not. */
  private async catchUp(db: pg.Pool | pg.PoolClient): Promise<void> {
    const { rows } = await db.query<{ header: CommitHeader }>(COMMITS_AFTER(this.core.commit));
    for (const { header } of rows) this.core.apply(header);
  }

  /**
   * The whole state, read from the record: when the store opens, and after a failed write. Answers what
   * the head row's checkpoint says of the record (headFinding).
   */
  private async load(): Promise<HeadState> {
    const core = new StoreCore(this.key);
    const client = await this.pool.connect();
    let checkpoint: Checkpoint | null;
    let signedBefore = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const head = await client.query<{ commit: string; checkpoint: Checkpoint | null }>('SELECT commit, checkpoint FROM ras_head');
      const last = Number(head.rows[0]!.commit);
      checkpoint = head.rows[0]!.checkpoint;
      for (let from = 0; ; ) {
        const { rows } = await client.query<{ header: CommitHeader }>(
          'SELECT header FROM ras_commits WHERE commit > $1 ORDER BY commit LIMIT 1000',
          [from],
        );
        if (rows.length === 0) break;
        for (const { header } of rows) {
          if (header.commit !== core.commit + 1) throw new PgRecordError(`commit ${core.commit + 1} is missing`);
          signedBefore ||= carriesCheckpoint(header);
          core.apply(header);
        }
        from = core.commit;
      }
      await client.query('COMMIT');
      if (last !== core.commit)
        throw new PgRecordError(`ras_head records commit ${last}, but the commits end at ${core.commit}: commits have been removed`);
      // The head row rewritten to match a record cut short cannot carry a signature of the shorter record.
      if (checkpoint && isSigned(checkpoint) && this.trustedKeys.includes(checkpoint.key) && checkpoint.commit > core.commit)
        throw new PgRecordError(
          `the head's signed checkpoint shows commit ${checkpoint.commit}, but the commits end at ${core.commit}: commits have been removed`,
        );
    } finally {
      client.release();
    }
    this.core = core;
    return headFinding(checkpoint, { commit: core.commit, ...core.auditHead() }, this.trustedKeys, signedBefore);
  }

  private reload(): Promise<void> {
    this.reloading ??= this.load()
      .then(() => {})
      .finally(() => {
        this.reloading = null;
      });
    return this.reloading;
  }
}

/** What the head row's checkpoint says of the record: signed, from before checkpoints, or changed outside the service. */
type HeadState = 'signed' | 'before checkpoints' | { finding: string; checkpoint: Checkpoint | null };

/**
 * The head row's checkpoint against the record's end (`end`, after the commits were read): signed with
 * a trusted key, of that very point. None at all is a record from before checkpoints only if nothing
 * in the record was ever signed; otherwise it, like a checkpoint whose signature fails, signed by
 * another key or of another point, was made outside the service. (One of a later commit, signed with a
 * trusted key, shows commits were removed: load() refuses the record before this is asked.)
 */
function headFinding(checkpoint: Checkpoint | null, end: RecordPoint, trustedKeys: readonly string[], signedBefore: boolean): HeadState {
  if (!checkpoint) {
    if (end.commit === 0) return 'signed'; // an empty record: nothing to vouch for
    if (!signedBefore) return 'before checkpoints';
    return {
      finding: `ras_head carries no signed checkpoint, though the record carries signed checkpoints, so nothing signed shows where the record ended (commit ${end.commit}, audit entry ${end.seq}): it was changed outside the service`,
      checkpoint,
    };
  }
  const where = `ras_head's checkpoint (commit ${checkpoint.commit}, audit entry ${checkpoint.seq}, signed ${checkpoint.at})`;
  const finding = !isSigned(checkpoint)
    ? `${where} does not carry the signature of the key it names: it was made or changed by someone without the audit key`
    : !trustedKeys.includes(checkpoint.key)
      ? `${where} is signed by key ${checkpoint.key}, which is not the council's audit key (${trustedKeys.join(', ')}): it was made by someone else`
      : checkpoint.commit !== end.commit || checkpoint.seq !== end.seq || checkpoint.hash !== end.hash
        ? `${where} is not of the record's end (commit ${end.commit}, audit entry ${end.seq}, head ${end.hash}): the record was changed outside the service`
        : null;
  return finding ? { finding, checkpoint } : 'signed';
}

/** Whether a commit carries a signed checkpoint: its own, or a ratification's. */
function carriesCheckpoint(header: CommitHeader): boolean {
  return (
    header.checkpoint !== undefined ||
    header.changes.some((change) => change.c === 'versions' && (change.row as VersionRecord | null)?.ratification?.checkpoint !== undefined)
  );
}

const COMMITS_AFTER = (commit: number) => `SELECT header FROM ras_commits WHERE commit > ${Number(commit)} ORDER BY commit`;
