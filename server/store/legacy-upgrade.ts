/**
 * Data directories written before the journal held one JSON array per collection, decisions and the
 * audit log included. Opening one moves everything into the journal's first commit, keeping the audit
 * chain exactly as it was, and keeps the old files in pre-journal/ for whoever wants to compare.
 */

import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Change, CommitBody, CommitHeader } from './commit.js';
import { encodeLine, Journal } from './journal.js';
import { journalPath } from './layout.js';
import { type AuditEntry, auditTargetOf, COLLECTIONS, type CollectionName, keyOf } from './records.js';
import { GENESIS } from '../audit/chain.js';

const LEGACY_FILES = [...COLLECTIONS, 'decisions', 'audit'] as const;

export interface UpgradeSummary {
  from: 'one JSON array per collection';
  rows: Record<string, number>;
  decisions: number;
  auditEntries: number;
  keptIn: string;
}

export async function upgradeLegacyDataDir(dir: string, at: string): Promise<UpgradeSummary | null> {
  if (await exists(journalPath(dir))) return null;
  const legacy = new Map<string, unknown[]>();
  for (const name of LEGACY_FILES) {
    const file = join(dir, `${name}.json`);
    if (!(await exists(file))) continue;
    const content = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(content)) return null; // already the journal's collection files
    legacy.set(name, content);
  }
  if (legacy.size === 0) return null;

  const changes: Change[] = [];
  const rows: Record<string, number> = {};
  for (const name of COLLECTIONS) {
    const list = (legacy.get(name) ?? []) as Array<Record<string, unknown>>;
    rows[name] = list.length;
    for (const row of list.map((r) => upgradedRow(name, r))) {
      const typed = row as unknown as Parameters<typeof keyOf>[1];
      changes.push({ c: name, k: keyOf(name, typed), t: auditTargetOf(name, typed), row });
    }
  }
  const decisions = (legacy.get('decisions') ?? []) as Array<
    Record<string, unknown> & { result: { weeklyPence: number; flags: Array<{ code: string }> } }
  >;
  const audit = (legacy.get('audit') ?? []) as AuditEntry[];
  const header: CommitHeader = {
    commit: 1,
    at,
    import: true,
    changes,
    decisions: decisions.map((d) => ({
      id: String(d.id),
      createdAt: String(d.createdAt),
      createdBy: String(d.createdBy),
      policyId: String(d.policyId),
      version: String(d.version),
      contentHash: String(d.contentHash),
      asOf: (d.asOf as string | null) ?? null,
      revision: 1,
      weeklyPence: d.result.weeklyPence,
      flags: d.result.flags.map((f) => f.code),
      reference: (d.assessment as { reference?: string } | undefined)?.reference ?? null,
      finalBudget: (d.finalBudget as never) ?? null,
    })),
    finalBudgets: [],
    audit,
  };
  const body: CommitBody = { decisions: decisions.map((d) => ({ id: String(d.id), assessment: d.assessment, result: d.result })) };

  const journal = await Journal.open(journalPath(dir), 0);
  // Unsigned: the store signs the record's end as soon as it opens the journal it has upgraded.
  const last = audit.at(-1);
  await journal.append(encodeLine(header, body), { commit: 1, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS.hash });
  await journal.close();
  const kept = join(dir, 'pre-journal');
  await mkdir(kept, { recursive: true, mode: 0o700 });
  for (const name of legacy.keys()) await rename(join(dir, `${name}.json`), join(kept, `${name}.json`));
  return { from: 'one JSON array per collection', rows, decisions: decisions.length, auditEntries: audit.length, keptIn: 'pre-journal/' };
}

/** Fields rows gained with the journal: a revision for the rows that change, and a version's contributors. */
function upgradedRow(name: CollectionName, row: Record<string, unknown>): Record<string, unknown> {
  if (name === 'sessions' || name === 'cohorts') return row;
  const upgraded: Record<string, unknown> = { ...row, revision: 1 };
  if (name === 'versions') {
    const people = [row.createdBy, row.submittedBy].filter((p): p is string => typeof p === 'string');
    upgraded.contributors = [...new Set(people)];
  }
  return upgraded;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
