/**
 * Moving a council from the embedded store to PostgreSQL: the data directory's record copied, commit
 * for commit, into an empty database, so the audit chain, every decision and every ratification anchor
 * are the same there as they were on disk.
 *
 * The record is checked whole before anything is copied (a broken record is not carried over), the
 * copy is one transaction (all of it or none of it), and the database is checked whole afterwards and
 * must end at the same audit head; if it does not, what was copied is removed again.
 */

import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CommitBody, CommitHeader } from '../commit.js';
import { verifyDataDir } from '../integrity.js';
import type { IntegrityProblem } from '../integrity-report.js';
import { decodeLine, isBatchMarker } from '../journal.js';
import { documentDir, journalPath } from '../layout.js';
import type { AuditAnchor } from '../records.js';
import type { DocumentKind } from '../store.js';
import { connect, type DatabaseOptions, migrate } from './database.js';
import { writeDocument } from './documents.js';
import { verifyPgRecord } from './pg-integrity.js';
import { writeCommits } from './record-writer.js';
import { type Checkpoint, signCheckpoint } from '../../audit/checkpoint.js';
import type { StoreKeys } from '../open-store.js';

export interface ImportReport {
  commits: number;
  entries: number;
  decisions: number;
  documents: number;
  head: AuditAnchor;
  /** Bytes a crash cut short at the journal's end: never acknowledged, so not copied. */
  tornTailBytes: number;
}

export type ImportFailure =
  | { reason: 'source_broken'; problems: IntegrityProblem[] }
  | { reason: 'target_not_empty'; commit: number }
  | { reason: 'target_broken'; problems: IntegrityProblem[] };

/** The copy did not happen (nothing is left in the database); `failure` says why. */
export class ImportError extends Error {
  constructor(
    readonly failure: ImportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

const BATCH_COMMITS = 500;
const DOCUMENT_KINDS: readonly DocumentKind[] = ['cohort', 'comparison'];

/**
 * Copies the record, whose checkpoints are checked against `keys`; the database's head is signed with
 * the audit key, as the server that writes there next would sign it.
 */
export async function importDataDir(dataDir: string, target: DatabaseOptions, keys: StoreKeys): Promise<ImportReport> {
  const trust = { keys: [keys.auditKey.publicKey, ...(keys.trustedKeys ?? [])], known: [] };
  const before = await verifyDataDir(dataDir, trust);
  if (!before.ok)
    throw new ImportError(
      { reason: 'source_broken', problems: before.problems },
      `the record in ${dataDir} does not verify, so it is not copied (${before.problems.length} problems)`,
    );

  const pool = connect({ ...target, connections: 1 });
  try {
    await migrate(pool, target.schema);
    const signed = signCheckpoint(keys.auditKey, { commit: before.commits, ...before.head }, new Date().toISOString());
    const copied = await copyRecord(pool, dataDir, before.commits, signed);
    const after = await verifyPgRecord(pool, trust);
    const sameHead = after.head.seq === before.head.seq && after.head.hash === before.head.hash;
    if (!after.ok || !sameHead || after.commits !== before.commits) {
      await clearRecord(pool);
      const problems = after.ok
        ? [
            {
              code: 'journal_truncated' as const,
              message: `the database ends at entry ${after.head.seq} after ${after.commits} commits, the data directory at entry ${before.head.seq} after ${before.commits}`,
            },
          ]
        : after.problems;
      throw new ImportError({ reason: 'target_broken', problems }, 'the copy did not verify as the original did, so it was removed');
    }
    return { ...copied, commits: after.commits, entries: after.entries, head: after.head, tornTailBytes: before.tornTail?.bytes ?? 0 };
  } finally {
    await pool.end();
  }
}

async function copyRecord(
  pool: ReturnType<typeof connect>,
  dataDir: string,
  commits: number,
  checkpoint: Checkpoint,
): Promise<{ decisions: number; documents: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const head = await client.query<{ commit: string }>('SELECT commit FROM ras_head FOR UPDATE');
    const existing = Number(head.rows[0]!.commit);
    if (existing !== 0)
      throw new ImportError(
        { reason: 'target_not_empty', commit: existing },
        `the database already holds a record (${existing} commits): a record is only copied into an empty one`,
      );

    let decisions = 0;
    let batch: Array<{ header: CommitHeader; body: CommitBody }> = [];
    for await (const line of journalLines(dataDir, commits)) {
      batch.push(line);
      decisions += line.header.decisions.length;
      if (batch.length === BATCH_COMMITS) {
        await writeCommits(client, batch, null);
        batch = [];
      }
    }
    await writeCommits(client, batch, null);
    await client.query('UPDATE ras_head SET checkpoint = $1', [JSON.stringify(checkpoint)]);

    let documents = 0;
    for (const kind of DOCUMENT_KINDS) {
      const dir = documentDir(dataDir, kind);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!name.endsWith('.json')) continue;
        await writeDocument(client, kind, name.slice(0, -'.json'.length), await readFile(`${dir}/${name}`));
        documents++;
      }
    }
    await client.query('COMMIT');
    return { decisions, documents };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The journal's first `count` commits (its whole, verified lines; a torn tail after them is left behind),
 * without the markers that begin its batches.
 */
async function* journalLines(dataDir: string, count: number): AsyncGenerator<{ header: CommitHeader; body: CommitBody }> {
  if (count === 0) return;
  const lines = createInterface({ input: createReadStream(journalPath(dataDir)), crlfDelay: Number.POSITIVE_INFINITY });
  let read = 0;
  for await (const text of lines) {
    if (isBatchMarker(text)) continue;
    yield decodeLine(Buffer.from(text, 'utf8'));
    if (++read === count) break;
  }
  lines.close();
}

async function clearRecord(pool: ReturnType<typeof connect>): Promise<void> {
  await pool.query(
    `BEGIN;
     TRUNCATE ras_document_parts, ras_documents, ras_rows, ras_decisions, ras_audit, ras_commits;
     UPDATE ras_head SET commit = 0, audit_seq = 0, audit_hash = repeat('0', 64), checkpoint = NULL;
     COMMIT;`,
  );
}
