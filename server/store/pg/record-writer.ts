/**
 * Writing commits to PostgreSQL, within a transaction the caller holds with the head row locked: each
 * commit's header, its audit entries, its decisions and final budgets, the rows it changed, and the new
 * head. Many commits go in one round of statements (arrays unnested), so a batch costs about what one
 * commit does.
 */

import type pg from 'pg';
import type { CommitBody, CommitHeader } from '../commit.js';

export interface WrittenCommit {
  header: CommitHeader;
  body: CommitBody;
}

export async function writeCommits(client: pg.PoolClient | pg.Client, commits: readonly WrittenCommit[]): Promise<void> {
  if (commits.length === 0) return;
  await client.query('INSERT INTO ras_commits (commit, at, header) SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::json[])', [
    commits.map((c) => c.header.commit),
    commits.map((c) => c.header.at),
    commits.map((c) => JSON.stringify(c.header)),
  ]);

  const audit = commits.flatMap((c) => c.header.audit.map((entry) => ({ commit: c.header.commit, entry })));
  if (audit.length > 0)
    await client.query(
      `INSERT INTO ras_audit (seq, commit, at, actor, action, target, details, digest, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::text[])`,
      [
        audit.map((a) => a.entry.seq),
        audit.map((a) => a.commit),
        audit.map((a) => a.entry.at),
        audit.map((a) => a.entry.actor),
        audit.map((a) => a.entry.action),
        audit.map((a) => a.entry.target),
        audit.map((a) => JSON.stringify(a.entry.details)),
        audit.map((a) => a.entry.digest ?? null),
        audit.map((a) => a.entry.prevHash),
        audit.map((a) => a.entry.hash),
      ],
    );

  const decisions = commits.flatMap((c) => {
    const payloads = new Map((c.body.decisions ?? []).map((p) => [p.id, p]));
    return c.header.decisions.map((summary) => ({ commit: c.header.commit, summary, payload: payloads.get(summary.id)! }));
  });
  if (decisions.length > 0)
    await client.query(
      `INSERT INTO ras_decisions (id, commit, created_at, created_by, policy_id, version, content_hash, weekly_pence, revision, final_budget, assessment, result)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::jsonb[], $11::json[], $12::json[])`,
      [
        decisions.map((d) => d.summary.id),
        decisions.map((d) => d.commit),
        decisions.map((d) => d.summary.createdAt),
        decisions.map((d) => d.summary.createdBy),
        decisions.map((d) => d.summary.policyId),
        decisions.map((d) => d.summary.version),
        decisions.map((d) => d.summary.contentHash),
        decisions.map((d) => d.summary.weeklyPence),
        decisions.map((d) => d.summary.revision),
        decisions.map((d) => (d.summary.finalBudget === null ? null : JSON.stringify(d.summary.finalBudget))),
        decisions.map((d) => JSON.stringify(d.payload.assessment)),
        decisions.map((d) => JSON.stringify(d.payload.result)),
      ],
    );

  // Final budgets in commit order: a later one for the same decision wins.
  for (const c of commits)
    for (const budget of c.header.finalBudgets)
      await client.query('UPDATE ras_decisions SET final_budget = $2, revision = $3 WHERE id = $1', [
        budget.id,
        JSON.stringify(budget.finalBudget),
        budget.revision,
      ]);

  // The rows as the last of these commits leaves them: one statement for the upserts, one for the removals.
  const latest = new Map<string, { c: string; k: string; row: Record<string, unknown> | null }>();
  for (const c of commits) for (const change of c.header.changes) latest.set(`${change.c}\u0000${change.k}`, change);
  const upserts = [...latest.values()].filter((x) => x.row !== null);
  const removals = [...latest.values()].filter((x) => x.row === null);
  if (upserts.length > 0)
    await client.query(
      `INSERT INTO ras_rows (collection, key, revision, row)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::jsonb[])
       ON CONFLICT (collection, key) DO UPDATE SET revision = EXCLUDED.revision, row = EXCLUDED.row`,
      [
        upserts.map((u) => u.c),
        upserts.map((u) => u.k),
        upserts.map((u) => (typeof u.row!.revision === 'number' ? u.row!.revision : null)),
        upserts.map((u) => JSON.stringify(u.row)),
      ],
    );
  if (removals.length > 0)
    await client.query(
      'DELETE FROM ras_rows r USING unnest($1::text[], $2::text[]) AS x(collection, key) WHERE r.collection = x.collection AND r.key = x.key',
      [removals.map((r) => r.c), removals.map((r) => r.k)],
    );

  const last = commits.at(-1)!.header;
  const lastEntry = commits.flatMap((c) => c.header.audit).at(-1);
  await client.query(
    lastEntry ? 'UPDATE ras_head SET commit = $1, audit_seq = $2, audit_hash = $3' : 'UPDATE ras_head SET commit = $1',
    lastEntry ? [last.commit, lastEntry.seq, lastEntry.hash] : [last.commit],
  );
}
