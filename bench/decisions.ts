/**
 * Recording decisions as the store grows: the time to record one over HTTP (p50, p99) with 0, 10,000
 * and 100,000 already stored, the bytes the server writes to disk per decision beside the size of the
 * record itself, and the server's memory. Decisions are append-only in the journal, so none of these
 * should grow with the number stored.
 *
 * The stored decisions are seeded through the store itself, many commits at once (so they share fsyncs):
 * the same path a decision takes, without the evaluation and HTTP in front of it.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedExamples } from '../server/services/seed.js';
import { journalPath } from '../server/store/layout.js';
import { LowdbStore } from '../server/store/lowdb-store.js';
import type { DecisionRecord } from '../server/store/records.js';
import type { Store } from '../server/store/store.js';
import { evaluateWith } from '../server/routes/evaluate.js';
import { mib, nowMs, percentile, row } from './measure.js';
import { ADMIN, startServerProcess } from './server-process.js';
import type { Assessment } from '../engine/index.js';
import { loadAuditKey } from '../server/audit/signing-key.js';
import { verifyDataDir } from '../server/store/integrity.js';

const POLICY = 'adult-ras';
const VERSION = '2010-revised';
const PASSWORD = ADMIN.password;
const RECORDED = 300;
const SEED_BATCH = 500;

export async function benchDecisions(sizes: readonly number[]): Promise<void> {
  console.log(`Recording a decision over HTTP (${RECORDED} in a row, one at a time) with decisions already stored:`);
  const p50s = new Map<number, number>();
  for (const stored of sizes) {
    const figures = await measure(stored);
    p50s.set(stored, figures.p50);
    row(
      `${stored.toLocaleString('en-GB')} stored`,
      `p50 ${figures.p50.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms; ${Math.round(figures.bytesPerDecision).toLocaleString('en-GB')} bytes written per decision (the record is ${figures.recordBytes.toLocaleString('en-GB')}: ${(figures.bytesPerDecision / figures.recordBytes).toFixed(2)}x, goal under 4x); server memory ${mib(figures.rss)} (goal under 300 MiB at 100,000); started in ${Math.round(figures.openMs)} ms; the record fully checked in ${Math.round(figures.verifyMs)} ms`,
    );
  }
  const first = p50s.get(sizes[0]!)!;
  const last = p50s.get(sizes[sizes.length - 1]!)!;
  row(`p50 at ${sizes[sizes.length - 1]!.toLocaleString('en-GB')} against ${sizes[0]}`, `${(last / first).toFixed(2)}x (goal at most 2x)`);
}

interface Figures {
  p50: number;
  p99: number;
  bytesPerDecision: number;
  recordBytes: number;
  rss: number;
  openMs: number;
  verifyMs: number;
}

async function measure(stored: number): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ras-bench-decisions-'));
  let server: ChildProcess | undefined;
  try {
    // The key beside the data directory, where the server started on it below finds it.
    const { key: auditKey } = await loadAuditKey({ kind: 'file', path: `${dataDir}.audit-key.pem` });
    const store = await LowdbStore.open(dataDir, { auditKey });
    await seedExamples(store, new Date().toISOString());
    const version = store.all('versions').find((v) => v.policyId === POLICY && v.version === VERSION)!;
    // The seeded example's assessment fits the policy: its worked example passes.
    const assessment = version.examples[0]!.assessment as Assessment;
    const result = evaluateWith(version, assessment, undefined);
    await seedDecisions(store, stored, { policyId: POLICY, version: VERSION, contentHash: version.contentHash, assessment, result });
    await store.close();

    // The real server, as `npm start` runs it, on this data: its memory and writes are its own.
    const started = nowMs();
    const { child, url } = await startServerProcess({ RAS_DATA_DIR: dataDir, RAS_AUDIT_KEY_FILE: `${dataDir}.audit-key.pem` });
    server = child;
    const openMs = nowMs() - started;
    const token = await officerToken(url);
    const body = JSON.stringify({ policyId: POLICY, version: VERSION, assessment });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    for (let i = 0; i < 20; i++) await post(url, body, headers); // warm-up
    const journalBefore = statSync(journalPath(dataDir)).size;
    const writtenBefore = bytesWritten(child.pid!);
    const times: number[] = [];
    let recordBytes = 0;
    for (let i = 0; i < RECORDED; i++) {
      const start = nowMs();
      const text = await post(url, body, headers);
      times.push(nowMs() - start);
      recordBytes = Buffer.byteLength(text);
    }
    await new Promise((r) => setTimeout(r, 200)); // the files beside the journal settle, so their writes count too
    const written = bytesWritten(child.pid!) - writtenBefore;
    const journalGrowth = statSync(journalPath(dataDir)).size - journalBefore;
    // The full check `ras audit verify` and GET /api/audit/verify run: every hash, checkpoint and rule.
    const verifyStarted = nowMs();
    const report = await verifyDataDir(dataDir, { keys: [auditKey.publicKey], known: [] });
    const verifyMs = nowMs() - verifyStarted;
    if (!report.ok) throw new Error(`the record does not verify: ${report.problems.map((p) => p.message).join('; ')}`);
    times.sort((a, b) => a - b);
    return {
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      // The kernel's count of bytes the server wrote, or the journal's growth where /proc cannot tell.
      bytesPerDecision: (written > 0 ? written : journalGrowth) / RECORDED,
      recordBytes,
      rss: residentBytes(child.pid!),
      openMs,
      verifyMs,
    };
  } finally {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.audit-key.pem`, { force: true });
  }
}

export async function seedDecisions(
  store: Store,
  count: number,
  made: Pick<DecisionRecord, 'policyId' | 'version' | 'contentHash' | 'assessment' | 'result'>,
): Promise<void> {
  for (let done = 0; done < count; done += SEED_BATCH) {
    const batch = Math.min(SEED_BATCH, count - done);
    await Promise.all(
      Array.from({ length: batch }, () =>
        store.transact((draft) => {
          const id = randomUUID();
          const at = new Date().toISOString();
          draft.addDecision({ id, createdAt: at, createdBy: 'bench', asOf: null, revision: draft.revision, finalBudget: null, ...made });
          draft.audit({ at, actor: 'bench', action: 'decision.record', target: `decision:${id}`, details: { policyId: made.policyId } });
        }),
      ),
    );
  }
}

export async function officerToken(url: string): Promise<string> {
  // The admin comes from the environment (RAS_ADMIN_USERNAME); it creates the officer who records decisions.
  const json = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? {} : res.json()) as Promise<{ token?: string; oneTimeCode?: { code: string } }>;
  };
  const admin = (await json('/api/auth/login', { username: ADMIN.username, password: ADMIN.password })).token!;
  // The officer sets their own password with the one-time code their account comes with.
  const { oneTimeCode } = await json('/api/users', { username: 'bench-officer', displayName: 'Bench', roles: ['officer'] }, admin);
  await json('/api/auth/enrol', { username: 'bench-officer', code: oneTimeCode!.code, password: PASSWORD });
  return (await json('/api/auth/login', { username: 'bench-officer', password: PASSWORD })).token!;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/api/decisions`, { method: 'POST', headers, body });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`recording a decision answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Bytes a process has written to storage, from /proc (Linux); 0 where it cannot be read. */
function bytesWritten(pid: number): number {
  return procField(`/proc/${pid}/io`, 'write_bytes:');
}

/** A process's resident memory, from /proc (Linux). */
function residentBytes(pid: number): number {
  return procField(`/proc/${pid}/status`, 'VmRSS:') * 1024;
}

function procField(file: string, name: string): number {
  try {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(name));
    return line ? Number.parseInt(line.slice(name.length), 10) : 0;
  } catch {
    return 0;
  }
}
