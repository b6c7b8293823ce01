/**
 * HTTP figures: evaluation throughput and latency through the real app (createApp over a LowdbStore in
 * a temporary directory, seeded with the examples, authenticated with an API key), and, measured the
 * same way in the same run, a bare express handler answering a constant of the same size. The ratio is
 * what evaluation (with authentication, validation and the rest of the app) costs per request.
 *
 * autocannon runs in a worker thread, so the load generator does not share the server's event loop.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import express, { type Express } from 'express';
import { createApp } from '../server/app.js';
import { serve } from '../server/http/serve.js';
import { silentLogger } from '../server/logger.js';
import { seedExamples } from '../server/seed.js';
import { LowdbStore } from '../server/store/lowdb-store.js';
import { row } from './measure.js';

const POLICY = 'adult-ras';
const VERSION = '2010-revised';
const EVALUATE_PATH = `/api/policies/${POLICY}/versions/${VERSION}/evaluate`;
const SETUP_CODE = 'bench-setup-code';
const PASSWORD = 'quiet-lantern-orchard-1977';

export interface HttpBenchOptions {
  connections?: number;
  /** Seconds per measurement (after a short warm-up). */
  seconds?: number;
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function benchHttp(options: HttpBenchOptions = {}): Promise<void> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 8;
  const dataDir = mkdtempSync(join(tmpdir(), 'ras-bench-'));
  const servers: Server[] = [];
  try {
    const store = await LowdbStore.open(dataDir);
    await seedExamples(store, new Date().toISOString());
    const app = createApp({ store, logger: silentLogger, setupCode: SETUP_CODE });
    const appUrl = await listen(app.express, servers);
    const apiKey = await createApiKey(appUrl);

    const version = store.all('versions').find((v) => v.policyId === POLICY && v.version === VERSION);
    const example = version?.examples[0];
    if (!example) throw new Error(`${POLICY} ${VERSION} has no worked example to send`);
    const body = JSON.stringify(example.assessment);
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };

    // One evaluation first: it must succeed, and its answer is the bare handler's constant.
    const first = await fetch(appUrl + EVALUATE_PATH, { method: 'POST', headers, body });
    const answer = await first.text();
    if (first.status !== 200) throw new Error(`POST ${EVALUATE_PATH} answered ${first.status}: ${answer.slice(0, 300)}`);
    const bareUrl = await listen(bareApp(JSON.parse(answer)), servers);

    console.log(
      `HTTP: POST ${EVALUATE_PATH} with an API key, ${connections} connections, ${seconds} s each, loopback (request ${body.length.toLocaleString('en-GB')} B, answer ${answer.length.toLocaleString('en-GB')} B)`,
    );
    const evaluate = await measure(appUrl + EVALUATE_PATH, headers, body, connections, seconds);
    const bare = await measure(`${bareUrl}/echo`, { 'content-type': 'application/json' }, body, connections, seconds);

    row('evaluate (real app)', describe(evaluate));
    row('bare express handler (same-size constant)', describe(bare));
    row(
      'evaluate against a bare handler (goal: at least 0.5)',
      `${(evaluate.perSecond / bare.perSecond).toFixed(2)} of its throughput (evaluation costs ${(bare.perSecond / evaluate.perSecond).toFixed(1)}×)`,
    );
    row('evaluate p99 at 50 connections (goal: under 40 ms)', `${evaluate.p99} ms`);
    for (const [label, f] of [
      ['evaluate', evaluate],
      ['bare express', bare],
    ] as const) {
      if (f.non2xx > 0 || f.errors > 0)
        row(
          `  ${label}: NOT ALL 2xx`,
          `${f.non2xx.toLocaleString('en-GB')} non-2xx, ${f.errors.toLocaleString('en-GB')} errors of ${f.requests.toLocaleString('en-GB')}`,
        );
    }
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function describe(f: Figures): string {
  const all2xx = f.non2xx === 0 && f.errors === 0 ? 'all 2xx' : `${f.non2xx} non-2xx, ${f.errors} errors`;
  return `${Math.round(f.perSecond).toLocaleString('en-GB')} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms (${f.requests.toLocaleString('en-GB')} requests, ${all2xx})`;
}

async function measure(url: string, headers: Record<string, string>, body: string, connections: number, seconds: number): Promise<Figures> {
  const run = (duration: number) => autocannon({ url, method: 'POST', headers, body, connections, duration, workers: 1 });
  await run(1); // warm-up: JIT, compiled policy, keep-alive sockets
  const result = await run(seconds);
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** express.json() and a constant answer: the floor any JSON endpoint on this stack pays. */
function bareApp(constant: unknown): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));
  app.post('/echo', (_req, res) => {
    res.json(constant);
  });
  return app;
}

async function listen(app: Express, servers: Server[]): Promise<string> {
  const server = await serve(app, { port: 0, host: '127.0.0.1' });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Through the API: the first admin (setup code), an api-client user, and an API key for it. */
async function createApiKey(url: string): Promise<string> {
  await post(url, '/api/setup', undefined, { code: SETUP_CODE, username: 'bench-admin', password: PASSWORD });
  const { token } = (await post(url, '/api/auth/login', undefined, { username: 'bench-admin', password: PASSWORD })) as { token: string };
  const user = (await post(url, '/api/users', token, {
    username: 'bench-client',
    displayName: 'Benchmark client',
    roles: ['api-client'],
  })) as { id: string };
  const { key } = (await post(url, `/api/users/${user.id}/api-keys`, token, { label: 'benchmark' })) as { key: string };
  return key;
}

async function post(url: string, path: string, token: string | undefined, body: unknown): Promise<unknown> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
