/**
 * Checking the PostgreSQL record as the embedded store's is checked (RecordCheck): commits without a
 * gap, the audit chain link by link, every change against the entry that vouches for it, every
 * ratification's anchor, the head row against the last commit. The tables kept beside the commits for
 * queries (ras_audit, ras_decisions, ras_rows) are copies: each is compared with what the commits say,
 * so a row changed behind the service's back is found.
 */

import canonicalize from 'canonicalize';
import type pg from 'pg';
import type { CommitBody, CommitHeader } from '../commit.js';
import type { Checkpoint } from '../../audit/checkpoint.js';
import { differingKeys, RecordCheck, type Trust } from '../integrity.js';
import type { IntegrityReport } from '../integrity-report.js';
import { type AuditEntry, COLLECTIONS, type DecisionSummary } from '../records.js';
import { AUDIT_COLUMNS, type AuditRow, auditEntryOf } from './audit-rows.js';

const BATCH = 500;

export async function verifyPgRecord(pool: pg.Pool, trust: Trust): Promise<IntegrityReport> {
  const client = await pool.connect();
  try {
    // One snapshot for the whole check, so commits made meanwhile neither appear half nor confuse it.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = (
      await client.query<{ commit: string; audit_seq: string; audit_hash: string; checkpoint: Checkpoint | null }>('SELECT * FROM ras_head')
    ).rows[0]!;
    const record = new RecordCheck(true, trust, { commit: Number(head.commit), seq: Number(head.audit_seq) });
    const summaries = new Map<string, DecisionSummary>();
    const auditRows = new Map<number, AuditEntry>();
    for (const row of (await client.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM ras_audit`)).rows)
      auditRows.set(Number(row.seq), auditEntryOf(row));
    let auditSeen = 0;

    for (let from = 0; ; ) {
      const { rows } = await client.query<{ commit: string; header: CommitHeader }>(
        'SELECT commit, header FROM ras_commits WHERE commit > $1 ORDER BY commit LIMIT $2',
        [from, BATCH],
      );
      if (rows.length === 0) break;
      const bodies = await bodiesOf(
        client,
        rows.map((r) => Number(r.commit)),
      );
      for (const { header } of rows) {
        record.add(header, () => bodies.get(header.commit) ?? {});
        for (const summary of header.decisions) summaries.set(summary.id, summary);
        for (const budget of header.finalBudgets) {
          const summary = summaries.get(budget.id);
          if (summary) summaries.set(budget.id, { ...summary, revision: budget.revision, finalBudget: budget.finalBudget });
        }
        for (const entry of header.audit) {
          auditSeen++;
          const copy = auditRows.get(entry.seq);
          // Entries written before digests existed have none: absent and null are the same.
          if (
            !copy ||
            canonicalize({ ...copy, digest: copy.digest ?? undefined }) !== canonicalize({ ...entry, digest: entry.digest ?? undefined })
          )
            record.report({
              code: 'file_differs',
              file: 'ras_audit',
              seq: entry.seq,
              message: `ras_audit's entry ${entry.seq} is not the one commit ${header.commit} records: it was changed outside the service`,
            });
        }
      }
      from = Number(rows.at(-1)!.commit);
    }
    record.finish();

    if (Number(head.commit) > record.commits)
      record.report({
        code: 'journal_truncated',
        commit: Number(head.commit),
        message: `the commits end at ${record.commits}, but ras_head records commit ${head.commit}: commits have been removed`,
      });
    else if (Number(head.commit) < record.commits)
      record.report({
        code: 'file_differs',
        file: 'ras_head',
        message: `ras_head records commit ${head.commit}, but the commits go on to ${record.commits}`,
      });
    else record.checkAnchor({ seq: Number(head.audit_seq), hash: head.audit_hash }, 'ras_head');
    record.checkHead({ commit: Number(head.commit), checkpoint: head.checkpoint }, 'ras_head');
    if (auditRows.size !== auditSeen)
      record.report({
        code: 'file_differs',
        file: 'ras_audit',
        message: `ras_audit holds ${auditRows.size} entries, but the commits record ${auditSeen}: rows were added or removed outside the service`,
      });

    await compareRows(client, record);
    await compareDecisions(client, record, summaries);
    await client.query('COMMIT');
    return record.result().report;
  } finally {
    client.release();
  }
}

/** Each commit's decisions' assessments and results, as its body. */
async function bodiesOf(client: pg.PoolClient, commits: number[]): Promise<Map<number, CommitBody>> {
  const { rows } = await client.query<{ id: string; commit: string; assessment: unknown; result: unknown }>(
    'SELECT id, commit, assessment, result FROM ras_decisions WHERE commit = ANY($1::bigint[])',
    [commits],
  );
  const bodies = new Map<number, CommitBody>();
  for (const row of rows) {
    const body = bodies.get(Number(row.commit)) ?? { decisions: [] };
    body.decisions!.push({ id: row.id, assessment: row.assessment, result: row.result });
    bodies.set(Number(row.commit), body);
  }
  return bodies;
}

/** ras_rows against the collections the commits build. */
async function compareRows(client: pg.PoolClient, record: RecordCheck): Promise<void> {
  const { rows } = await client.query<{ collection: string; row: unknown }>('SELECT collection, row FROM ras_rows');
  for (const name of COLLECTIONS) {
    const differing = differingKeys(
      name,
      record.rows,
      rows.filter((r) => r.collection === name).map((r) => r.row),
    );
    if (differing.length > 0)
      record.report({
        code: 'file_differs',
        file: `ras_rows/${name}`,
        message: `ras_rows differs from the commits for ${name} (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}): it was changed outside the service, with no audit entry`,
      });
  }
  const unknown = rows.filter((r) => !(COLLECTIONS as readonly string[]).includes(r.collection));
  if (unknown.length > 0)
    record.report({
      code: 'file_differs',
      file: 'ras_rows',
      message: `ras_rows holds ${unknown.length} rows of no collection the service keeps`,
    });
}

/** ras_decisions' summary columns against the decisions and final budgets the commits record. */
async function compareDecisions(client: pg.PoolClient, record: RecordCheck, summaries: Map<string, DecisionSummary>): Promise<void> {
  const { rows } = await client.query<{
    id: string;
    created_by: string;
    policy_id: string;
    version: string;
    content_hash: string;
    weekly_pence: string | null;
    revision: string;
    final_budget: unknown;
  }>('SELECT id, created_by, policy_id, version, content_hash, weekly_pence, revision, final_budget FROM ras_decisions');
  const differing: string[] = [];
  for (const row of rows) {
    const s = summaries.get(row.id);
    if (
      !s ||
      s.createdBy !== row.created_by ||
      s.policyId !== row.policy_id ||
      s.version !== row.version ||
      s.contentHash !== row.content_hash ||
      s.weeklyPence !== (row.weekly_pence === null ? null : Number(row.weekly_pence)) ||
      s.revision !== Number(row.revision) ||
      canonicalize(s.finalBudget) !== canonicalize(row.final_budget)
    )
      differing.push(row.id);
  }
  if (rows.length < summaries.size) differing.push(`${summaries.size - rows.length} decisions missing`);
  if (differing.length > 0)
    record.report({
      code: 'file_differs',
      file: 'ras_decisions',
      message: `ras_decisions differs from the commits (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}): it was changed outside the service`,
    });
}
