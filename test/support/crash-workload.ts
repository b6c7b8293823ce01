/**
 * Crash safety, as a workload: the real server (a child process) takes concurrent drafts, edits,
 * submissions, ratifications, decisions and final budgets, and is killed with SIGKILL at a random
 * moment, then started again on the same store (a data directory, or a PostgreSQL schema); over and over. After each restart, every
 * write it acknowledged (a 2xx answer) must be there, every file must be whole, and the record must
 * verify: no audit entry without its change, no change without its audit entry. The crash suite runs
 * a few cycles; `npm run soak` runs a hundred.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { join } from 'node:path';
import { verifyDataDir } from '../../server/store/integrity.js';
import { connect } from '../../server/store/pg/database.js';
import { verifyPgRecord } from '../../server/store/pg/pg-integrity.js';
import { type ChildServer, startChildServer } from './child-server.js';
import { call, createPerson, login, PASSWORD, request } from './server.js';
import type { Role } from '../../server/store/records.js';
import { TEST_AUDIT_KEY_FILE, testAuditKey } from './audit-key.js';

const ADMIN = 'crash-admin';
const POLICY = 'adult-ras';
const SOURCE = '2010-revised';
const WORKERS = 16;
const WAIVER = 'Crash test: no reference cohort.';

export interface CycleReport {
  cycle: number;
  acks: number;
  byKind: Record<string, number>;
  inFlightAtKill: number;
  ms: number;
  /** Answers other than the expected ones, before the kill. */
  unexpected: string[];
  /** What the restarted server or the record got wrong: must stay empty. */
  problems: string[];
}

/** What the server acknowledged, and so must keep. */
interface Acknowledged {
  decisions: Map<string, { weeklyPence: number }>;
  /** A decision's last acknowledged final budget, with the revision that recorded it. */
  finalBudgets: Map<string, { revision: number; weeklyPence: number }>;
  drafts: Set<string>;
  /** A version's last acknowledged edit: its revision. */
  edits: Map<string, number>;
  submitted: Set<string>;
  ratified: Set<string>;
  /** The cycle in which each decision or version was last acknowledged to change. */
  changedIn: Map<string, number>;
}

interface People {
  admin: string;
  officer: string;
  colleague: string;
  ratifier: string;
}

/** The store the crashing server runs on: how to point a server at it, and how to check it at rest. */
export interface StoreUnderCrash {
  /** The environment that points server/main.ts at the store. */
  env: Record<string, string>;
  /** What is wrong with the record where it is kept, checked without the server (which is idle by then). */
  checkAtRest(): Promise<string[]>;
}

/** The embedded store: every file beside the journal whole JSON, and the record verified from disk. */
export function dataDirUnderCrash(dataDir: string): StoreUnderCrash {
  return {
    // The server signs with the key the check below trusts, as a council's servers and its checks share one.
    env: { RAS_DATA_DIR: dataDir, RAS_AUDIT_KEY_FILE: TEST_AUDIT_KEY_FILE },
    checkAtRest: async () => {
      const problems: string[] = [];
      for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
        try {
          JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
        } catch {
          problems.push(`${file} is not whole JSON`);
        }
      }
      const offline = await verifyDataDir(dataDir, { keys: [(await testAuditKey()).publicKey], known: [] });
      if (!offline.ok) problems.push(`the record on disk: ${JSON.stringify(offline.problems).slice(0, 800)}`);
      return problems;
    },
  };
}

/** PostgreSQL: the record verified from the database (every audit row against the commit that holds it). */
export function databaseUnderCrash(url: string, schema: string): StoreUnderCrash {
  return {
    env: { RAS_DATABASE_URL: url, RAS_DATABASE_SCHEMA: schema, RAS_AUDIT_KEY_FILE: TEST_AUDIT_KEY_FILE },
    checkAtRest: async () => {
      const pool = connect({ url, schema, connections: 1 });
      try {
        const report = await verifyPgRecord(pool, { keys: [(await testAuditKey()).publicKey], known: [] });
        return report.ok ? [] : [`the record in the database: ${JSON.stringify(report.problems).slice(0, 800)}`];
      } finally {
        await pool.end();
      }
    },
  };
}

export async function crashCycles(options: {
  store: StoreUnderCrash;
  cycles: number;
  /** Kill after this many acknowledged writes, at the most (the actual number is random, from a fifth of it). */
  maxAcks: number;
  seed?: number;
  onCycle?: (report: CycleReport) => void;
}): Promise<CycleReport[]> {
  // Seeded, so that a failing run can be repeated.
  const rng = xoroshiro128plus(options.seed ?? 20261127);
  const random = () => uniformFloat64(rng);
  const acked: Acknowledged = {
    decisions: new Map(),
    finalBudgets: new Map(),
    drafts: new Set(),
    edits: new Map(),
    submitted: new Set(),
    ratified: new Set(),
    changedIn: new Map(),
  };
  const reports: CycleReport[] = [];
  let server = await startChildServer({ ...options.store.env, RAS_ADMIN_USERNAME: ADMIN, RAS_ADMIN_PASSWORD: PASSWORD });
  try {
    const people = await setUp(server);
    const assessment = await sampleAssessment(server, people.officer);
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const report = await writeUntilKilled(
        server,
        people,
        assessment,
        acked,
        cycle,
        Math.ceil(options.maxAcks * (0.2 + 0.8 * random())),
        random,
      );
      server = await startChildServer(options.store.env);
      // The record never rewrites a commit once written, and the server will not start on one that lost a
      // commit, so each restart checks what this cycle added; the last checks everything again, and
      // verifies the whole record, at rest and through the server.
      const last = cycle === options.cycles;
      report.problems.push(...(await checkDurable(server, people, acked, last ? 0 : cycle)));
      if (last) report.problems.push(...(await options.store.checkAtRest()));
      reports.push(report);
      options.onCycle?.(report);
    }
  } finally {
    await server.kill();
  }
  return reports;
}

async function setUp(server: ChildServer): Promise<People> {
  const admin = await login(server.url, ADMIN);
  const user = (username: string, roles: Role[]) => createPerson(server.url, admin, { username, displayName: username, roles });
  await user('crash-officer', ['officer']);
  await user('crash-colleague', ['officer']);
  await user('crash-ratifier', ['ratifier']);
  return {
    admin,
    officer: await login(server.url, 'crash-officer'),
    colleague: await login(server.url, 'crash-colleague'),
    ratifier: await login(server.url, 'crash-ratifier'),
  };
}

async function sampleAssessment(server: ChildServer, token: string): Promise<unknown> {
  const version = (await call(server.url, 'GET', `/api/policies/${POLICY}/versions/${SOURCE}`, token)) as {
    examples: Array<{ assessment: unknown }>;
  };
  return version.examples[0]!.assessment;
}

type Operation = 'decision' | 'final-budget' | 'draft' | 'edit' | 'submit' | 'ratify';
const MIX: Operation[] = ['decision', 'decision', 'decision', 'final-budget', 'draft', 'edit', 'edit', 'submit', 'ratify'];

/**
 * WORKERS loops send writes back to back; each 2xx answer is recorded as acknowledged. When the cycle's
 * acknowledgements reach `killAfter` the child is SIGKILLed at once, with other requests still in flight.
 */
async function writeUntilKilled(
  server: ChildServer,
  people: People,
  assessment: unknown,
  acked: Acknowledged,
  cycle: number,
  killAfter: number,
  random: () => number,
): Promise<CycleReport> {
  let stopped = false;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let acks = 0;
  const began = Date.now();
  const byKind: Record<string, number> = {};
  const unexpected: string[] = [];
  const killNow = () => {
    if (stopped) return;
    stopped = true;
    inFlightAtKill = inFlight;
    server.child.kill('SIGKILL');
  };
  const send = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    inFlight++;
    try {
      return await request(server.url, method, path, token, body, headers);
    } finally {
      inFlight--;
    }
  };
  const ack = (kind: Operation) => {
    acks++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    if (acks >= killAfter) killNow();
  };
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

  const worker = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      const operation = pick(MIX)!;
      try {
        await perform(operation, `c${cycle}-w${w}-${i}`);
      } catch (e) {
        // After the kill, dropped connections are expected: those writes were never acknowledged.
        if (!stopped) unexpected.push(`${operation} failed before the kill: ${String((e as Error).cause ?? e)}`);
      }
      if (unexpected.length > 20) killNow();
    }
  };

  async function perform(operation: Operation, name: string): Promise<void> {
    switch (operation) {
      case 'decision': {
        const res = await send('POST', '/api/decisions', people.officer, { policyId: POLICY, assessment });
        if (res.status === 201) {
          acked.decisions.set(res.body.id, { weeklyPence: res.body.result.weeklyPence });
          acked.changedIn.set(res.body.id, cycle);
          ack(operation);
        } else expectStatus(res.status, [], operation, res.body);
        return;
      }
      case 'final-budget': {
        const id = pick([...acked.decisions.keys()]);
        if (!id) return;
        const read = await send('GET', `/api/decisions/${id}`, people.officer);
        if (read.status !== 200) return expectStatus(read.status, [], 'read decision', read.body);
        const weeklyPence = 30_000 + Math.floor(random() * 10_000);
        const res = await send(
          'PUT',
          `/api/decisions/${id}/final-budget`,
          people.officer,
          { weeklyPence, reason: 'Agreed in support planning.' },
          {
            'if-match': read.headers.get('etag')!,
          },
        );
        if (res.status === 200) {
          const previous = acked.finalBudgets.get(id);
          if (!previous || previous.revision < res.body.revision) acked.finalBudgets.set(id, { revision: res.body.revision, weeklyPence });
          acked.changedIn.set(id, cycle);
          ack(operation);
        } else expectStatus(res.status, [412], operation, res.body);
        return;
      }
      case 'draft': {
        const res = await send('POST', `/api/policies/${POLICY}/versions/${SOURCE}/clone`, people.officer, { version: name });
        if (res.status === 201) {
          acked.drafts.add(name);
          acked.changedIn.set(name, cycle);
          ack(operation);
        } else expectStatus(res.status, [], operation, res.body);
        return;
      }
      case 'edit': {
        const version = pick([...acked.drafts].filter((v) => !acked.submitted.has(v)));
        if (!version) return;
        const path = `/api/policies/${POLICY}/versions/${version}`;
        const read = await send('GET', path, people.colleague);
        if (read.status !== 200) return expectStatus(read.status, [], 'read draft', read.body);
        const document = { ...read.body.document, title: `Edited in ${name}` };
        const res = await send('PUT', path, people.colleague, document, { 'if-match': read.headers.get('etag')! });
        if (res.status === 200) {
          acked.edits.set(version, Math.max(acked.edits.get(version) ?? 0, res.body.revision));
          acked.changedIn.set(version, cycle);
          ack(operation);
        } else expectStatus(res.status, [409, 412], operation, res.body); // submitted or edited meanwhile
        return;
      }
      case 'submit': {
        const version = pick([...acked.drafts].filter((v) => !acked.submitted.has(v)));
        if (!version) return;
        const res = await send('POST', `/api/policies/${POLICY}/versions/${version}/submit`, people.officer);
        if (res.status === 200) {
          acked.submitted.add(version);
          acked.changedIn.set(version, cycle);
          ack(operation);
        } else expectStatus(res.status, [409], operation, res.body); // submitted or changed meanwhile
        return;
      }
      case 'ratify': {
        const version = pick([...acked.submitted].filter((v) => !acked.ratified.has(v)));
        if (!version) return;
        const path = `/api/policies/${POLICY}/versions/${version}`;
        const read = await send('GET', path, people.ratifier);
        if (read.status !== 200) return expectStatus(read.status, [], 'read submitted', read.body);
        const effectiveFrom = `20${30 + Math.floor(random() * 60)}-04-01`;
        const decision = {
          body: 'Cabinet',
          decisionDate: '2026-11-20',
          minuteReference: `CRASH/${name}`,
          rationale: 'Adopted in the crash test.',
          effectiveFrom,
          comparisonWaiver: WAIVER,
          confirmEffectiveFrom: true,
        };
        const res = await send('POST', `${path}/ratify`, people.ratifier, decision, { 'if-match': read.headers.get('etag')! });
        if (res.status === 200) {
          acked.ratified.add(version);
          acked.changedIn.set(version, cycle);
          ack(operation);
        } else expectStatus(res.status, [409, 412], operation, res.body); // ratified meanwhile
        return;
      }
    }
  }

  function expectStatus(status: number, allowed: number[], what: string, body: unknown): void {
    if (!allowed.includes(status)) unexpected.push(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }

  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  await server.kill();
  return { cycle, acks, byKind, inFlightAtKill, ms: Date.now() - began, unexpected, problems: [] };
}

/**
 * What was acknowledged (in `cycle`, or in any cycle when it is 0) is on disk, whole, served by the
 * restarted server, and the record verifies.
 */
async function checkDurable(server: ChildServer, people: People, acked: Acknowledged, cycle: number): Promise<string[]> {
  const inScope = (key: string) => cycle === 0 || acked.changedIn.get(key) === cycle;
  const problems: string[] = [];

  await inBatches(
    [...acked.decisions].filter(([id]) => inScope(id)),
    16,
    async ([id, expected]) => {
      const res = await request(server.url, 'GET', `/api/decisions/${id}`, people.officer);
      if (res.status !== 200) return void problems.push(`acknowledged decision ${id}: ${res.status}`);
      if (res.body.result.weeklyPence !== expected.weeklyPence) problems.push(`decision ${id} holds another result`);
      const budget = acked.finalBudgets.get(id);
      if (
        budget &&
        (res.body.revision < budget.revision ||
          (res.body.revision === budget.revision && res.body.finalBudget?.weeklyPence !== budget.weeklyPence))
      )
        problems.push(`decision ${id} lost its acknowledged final budget (revision ${budget.revision})`);
    },
  );
  await inBatches([...acked.drafts].filter(inScope), 16, async (version) => {
    const res = await request(server.url, 'GET', `/api/policies/${POLICY}/versions/${version}`, people.officer);
    if (res.status !== 200) return void problems.push(`acknowledged draft ${version}: ${res.status}`);
    const edit = acked.edits.get(version);
    if (edit && res.body.revision < edit) problems.push(`version ${version} lost its acknowledged edit (revision ${edit})`);
    if (acked.submitted.has(version) && res.body.status === 'draft') problems.push(`version ${version} lost its acknowledged submission`);
    if (acked.ratified.has(version) && !['ratified', 'superseded'].includes(res.body.status))
      problems.push(`version ${version} lost its acknowledged ratification (now ${res.body.status})`);
  });

  const served = await request(server.url, 'GET', '/api/audit/verify', people.admin);
  if (served.status !== 200 || served.body.ok !== true)
    problems.push(`the server's verification: ${JSON.stringify(served.body).slice(0, 800)}`);
  return problems;
}

async function inBatches<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}
