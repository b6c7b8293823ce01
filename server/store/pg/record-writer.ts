/**
 * Writing commits to PostgreSQL, within a transaction the caller holds with the head row locked: each
 * commit's header, its audit entries, its decisions and final budgets, the rows it changed, and the new
 * head. A batch of commits is one statement (each table's rows as one JSON array, in data-modifying WITH
 * clauses), followed by the final budgets' updates. It is returned as SQL text, its values quoted by
 * pg's escapeLiteral, so the caller can send it with its COMMIT: a batch costs one round trip to the
 * database whatever its size, and the head row's lock is held for no longer than that.
 */

import pg from 'pg';
import type { Checkpoint } from '../../audit/checkpoint.js';
import type { CommitBody, CommitHeader } from '../commit.js';

export interface WrittenCommit {
  header: CommitHeader;
  body: CommitBody;
}

export async function writeCommits(
  client: pg.PoolClient | pg.Client,
  commits: readonly WrittenCommit[],
  checkpoint: Checkpoint | null,
): Promise<void> {
  if (commits.length > 0) await client.query(commitsSql(commits, checkpoint));
}

/**
 * A string constant holding the text exactly. Dollar quoting takes the text as it is (no pass over it
 * character by character, which for a batch of results is most of the cost); its tag must not occur in
 * the text, and where it does, pg's escapeLiteral quotes it instead.
 */
function quoted(text: string): string {
  return text.includes(DOLLAR_TAG) ? pg.escapeLiteral(text) : `${DOLLAR_TAG}${text}${DOLLAR_TAG}`;
}

const DOLLAR_TAG = '$ras_value$';

/** The statements that write these commits and the head after them (signed by `checkpoint`), as one SQL text (empty for no commits). */
export function commitsSql(commits: readonly WrittenCommit[], checkpoint: Checkpoint | null): string {
  if (commits.length === 0) return '';
  const param = (text: string) => `${quoted(text)}::json`;
  const steps: string[] = [];

  // A json column read from the array keeps each value's text as written.
  steps.push(`INSERT INTO ras_commits (commit, at, header)
    SELECT (h->>'commit')::bigint, (h->>'at')::timestamptz, h FROM json_array_elements(${param(`[${commits.map((c) => JSON.stringify(c.header)).join(',')}]`)}) AS h`);

  const audit = commits.flatMap((c) =>
    c.header.audit.map((entry) => ({ ...entry, commit: c.header.commit, digest: entry.digest ?? null })),
  );
  if (audit.length > 0)
    steps.push(`INSERT INTO ras_audit (seq, commit, at, actor, action, target, details, digest, prev_hash, hash)
      SELECT seq, commit, at, actor, action, target, details, digest, "prevHash", hash FROM json_to_recordset(${param(JSON.stringify(audit))})
        AS x(seq bigint, commit bigint, at text, actor text, action text, target text, details jsonb, digest text, "prevHash" text, hash text)`);

  const decisions = commits.flatMap((c) => {
    const payloads = new Map((c.body.decisions ?? []).map((p) => [p.id, p]));
    return c.header.decisions.map((summary) => {
      const payload = payloads.get(summary.id)!;
      return { ...summary, commit: c.header.commit, assessment: payload.assessment, result: payload.result };
    });
  });
  if (decisions.length > 0)
    steps.push(`INSERT INTO ras_decisions (id, commit, created_at, created_by, policy_id, version, content_hash, weekly_pence, revision, final_budget, assessment, result)
      SELECT id, commit, "createdAt", "createdBy", "policyId", version, "contentHash", "weeklyPence", revision, "finalBudget", assessment, result
        FROM json_to_recordset(${param(JSON.stringify(decisions))})
        AS x(id text, commit bigint, "createdAt" timestamptz, "createdBy" text, "policyId" text, version text, "contentHash" text,
             "weeklyPence" bigint, revision bigint, "finalBudget" jsonb, assessment json, result json)`);

  // The rows as the last of these commits leaves them.
  const latest = new Map<string, { c: string; k: string; row: Record<string, unknown> | null }>();
  for (const c of commits) for (const change of c.header.changes) latest.set(`${change.c}\u0000${change.k}`, change);
  const upserts = [...latest.values()].filter((x) => x.row !== null).map(({ c, k, row }) => ({ c, k, row }));
  const removals = [...latest.values()].filter((x) => x.row === null).map(({ c, k }) => ({ c, k }));
  if (upserts.length > 0)
    steps.push(`INSERT INTO ras_rows (collection, key, revision, row)
      SELECT c, k, CASE WHEN jsonb_typeof(row->'revision') = 'number' THEN (row->>'revision')::bigint END, row
        FROM json_to_recordset(${param(JSON.stringify(upserts))}) AS x(c text, k text, row jsonb)
      ON CONFLICT (collection, key) DO UPDATE SET revision = EXCLUDED.revision, row = EXCLUDED.row`);
  if (removals.length > 0)
    steps.push(`DELETE FROM ras_rows r USING json_to_recordset(${param(JSON.stringify(removals))}) AS x(c text, k text)
      WHERE r.collection = x.c AND r.key = x.k`);

  const last = commits.at(-1)!.header;
  const lastEntry = commits.flatMap((c) => c.header.audit).at(-1);
  const signed = checkpoint ? `, checkpoint = ${quoted(JSON.stringify(checkpoint))}::json` : '';
  const head = `UPDATE ras_head SET commit = ${Number(last.commit)}${lastEntry ? `, audit_seq = ${Number(lastEntry.seq)}, audit_hash = '${lastEntry.hash}'` : ''}${signed}`;
  if (lastEntry && !/^[0-9a-f]{64}$/.test(lastEntry.hash)) throw new Error(`audit hash ${lastEntry.hash} is not a SHA-256`);
  const statements = [`WITH ${steps.map((step, i) => `s${i} AS (${step})`).join(',\n')}\n${head}`];

  // Final budgets in commit order (a later one for the same decision wins), after the statement that
  // may have inserted the decision they change.
  for (const c of commits)
    for (const budget of c.header.finalBudgets)
      statements.push(
        `UPDATE ras_decisions SET final_budget = ${quoted(JSON.stringify(budget.finalBudget))}::jsonb, revision = ${Number(budget.revision)} WHERE id = ${pg.escapeLiteral(budget.id)}`,
      );
  return statements.join(';\n');
}
