/**
 * Recording decisions on PostgreSQL, as a council running several servers would: decisions recorded
 * per second through one server and through two over the same database (autocannon spreading the
 * requests across both), and the time to record one with 100,000 already stored.
 *
 * Needs a database: RAS_BENCH_DATABASE_URL (or RAS_TEST_DATABASE_URL), a role that may create schemas.
 * The servers, PostgreSQL and the load generator share the machine, so on two cores the second server
 * competes with the first for the same cores; the figure says what a second server adds on one machine.
 */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { evaluateWith } from '../server/routes/evaluate.js';
import { seedExamples } from '../server/services/seed.js';
import { PgStore } from '../server/store/pg/pg-store.js';
import { officerToken, seedDecisions } from './decisions.js';
import { startServerProcess } from './server-process.js';
import { nowMs, percentile, row } from './measure.js';
import type { Assessment } from '../engine/index.js';
import { loadAuditKey } from '../server/audit/signing-key.js';

const POLICY = 'adult-ras';
const VERSION = '2010-revised';
const STORED = 100_000;
const RECORDED = 300;
const CONNECTIONS = 32;

export async function benchDecisionsPostgres(seconds: number): Promise<void> {
  const url = process.env.RAS_BENCH_DATABASE_URL ?? process.env.RAS_TEST_DATABASE_URL;
  console.log('Recording decisions on PostgreSQL (several servers over one database):');
  if (!url) {
    row('skipped', 'set RAS_BENCH_DATABASE_URL (or RAS_TEST_DATABASE_URL) to a role that may create schemas');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env = { RAS_DATABASE_URL: url, RAS_DATABASE_SCHEMA: schema, RAS_AUDIT_KEY_FILE: keyFile(schema) };
  const servers: Array<Awaited<ReturnType<typeof startServerProcess>>> = [];
  try {
    const body = await seed(url, schema);
    servers.push(await startServerProcess(env));
    const first = servers[0]!.url;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await officerToken(first)}` };

    const one = await oneAtATime(first, body, headers);
    row(
      `one at a time, ${STORED.toLocaleString('en-GB')} stored`,
      `p50 ${one.p50.toFixed(2)} ms, p99 ${one.p99.toFixed(2)} ms (${RECORDED} decisions)`,
    );

    const single = await throughput(servers, body, headers, seconds);
    report('through 1 server', single);
    servers.push(await startServerProcess(env));
    const both = await throughput(servers, body, headers, seconds);
    report('through 2 servers', both);
    row('2 servers against 1', `${(both.perSecond / single.perSecond).toFixed(2)}x (goal at least 1.6x)`);
    // The most this machine could record if every core were busy, at the CPU each decision cost with one
    // server: a ratio above ceiling/single cannot be reached here, however well the servers share the work.
    const ceiling = (cpus * 1000) / single.cpuPerDecision.total;
    row(
      "this machine's ceiling",
      `${Math.round(ceiling).toLocaleString('en-GB')}/s with all ${cpus} cores busy, so at most ${(ceiling / single.perSecond).toFixed(2)}x one server here`,
    );
  } finally {
    for (const server of servers) server.child.kill('SIGKILL');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** The examples and STORED decisions, written through the store; returns a decision request's body. */
async function seed(url: string, schema: string): Promise<string> {
  const { key: auditKey } = await loadAuditKey({ kind: 'file', path: keyFile(schema) });
  const store = await PgStore.open({ url, schema, auditKey });
  try {
    await seedExamples(store, new Date().toISOString());
    const version = store.all('versions').find((v) => v.policyId === POLICY && v.version === VERSION)!;
    // The seeded example's assessment fits the policy: its worked example passes.
    const assessment = version.examples[0]!.assessment as Assessment;
    const result = evaluateWith(version, assessment, undefined);
    await seedDecisions(store, STORED, { policyId: POLICY, version: VERSION, contentHash: version.contentHash, assessment, result });
    return JSON.stringify({ policyId: POLICY, version: VERSION, assessment });
  } finally {
    await store.close();
  }
}

async function oneAtATime(url: string, body: string, headers: Record<string, string>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < RECORDED + 20; i++) {
    const start = nowMs();
    const res = await fetch(`${url}/api/decisions`, { method: 'POST', headers, body });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`recording a decision answered ${res.status}`);
    if (i >= 20) times.push(nowMs() - start); // after a warm-up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

interface Throughput {
  perSecond: number;
  p99: number;
  /** Share of the whole machine's CPU time that was busy. */
  busy: number;
  /** CPU milliseconds each recorded decision cost: in the servers, the load generator, and the rest (PostgreSQL). */
  cpuPerDecision: { servers: number; load: number; database: number; total: number };
}

function report(label: string, t: Throughput): void {
  const c = t.cpuPerDecision;
  row(
    `${label} (${CONNECTIONS} connections)`,
    `${Math.round(t.perSecond).toLocaleString('en-GB')}/s, p99 ${t.p99} ms; the machine's ${cpus} cores ${t.busy}% busy`,
  );
  row(
    '  CPU per decision',
    `${c.total.toFixed(2)} ms: servers ${c.servers.toFixed(2)}, load generator ${c.load.toFixed(2)}, PostgreSQL and the rest ${c.database.toFixed(2)}`,
  );
}

async function throughput(
  servers: ReadonlyArray<{ child: { pid?: number }; url: string }>,
  body: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<Throughput> {
  const run = (duration: number) =>
    autocannon({
      url: servers.map((s) => `${s.url}/api/decisions`),
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      duration,
      workers: 1,
    } as unknown as autocannon.Options);
  await run(1); // warm-up
  const serverCpu = () => servers.reduce((sum, s) => sum + processCpuMs(s.child.pid!), 0);
  const before = { machine: cpuTimes(), servers: serverCpu(), load: process.cpuUsage() };
  const result = await run(seconds);
  const after = { machine: cpuTimes(), servers: serverCpu() };
  const load = process.cpuUsage(before.load);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} answers were not 2xx and ${result.errors} failed`);
  const busyMs = after.machine.busy - before.machine.busy;
  const decisions = result.requests.total;
  const serverMs = (after.servers - before.servers) / decisions;
  const loadMs = (load.user + load.system) / 1000 / decisions;
  const total = busyMs / decisions;
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    busy: Math.round((100 * busyMs) / (after.machine.total - before.machine.total)),
    cpuPerDecision: { servers: serverMs, load: loadMs, database: Math.max(0, total - serverMs - loadMs), total },
  };
}

/** A process's CPU time so far (user and system), in milliseconds, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

const CLOCK_TICKS = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** The whole machine's CPU time, busy and in all, from the kernel's counters. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, idle, irq } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

const cpus = os.cpus().length;

/** The audit key the seeding and the servers share, in the temporary directory. */
function keyFile(schema: string): string {
  return `${os.tmpdir()}/ras-bench-${schema}.audit-key.pem`;
}
