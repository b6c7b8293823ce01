/**
 * HTTP figures: evaluation throughput and latency through the real server (server/main.ts as npm start
 * runs it, on a new embedded store seeded with the examples, its request log going to a file, called
 * with an API key), and, measured the same way in the same run, a bare express handler answering the
 * real server's answer as a constant (bench/bare-server.ts). The ratio is what evaluation (with
 * authentication, validation, logging and the rest of the app) costs per request.
 *
 * Each server runs in a process of its own, as it does in use; autocannon runs in the bench's process.
 */

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { row } from './measure.js';
import { ADMIN, type ServerProcess, startServerProcess } from './server-process.js';

const POLICY = 'adult-ras';
const VERSION = '2010-revised';
const EVALUATE_PATH = `/api/policies/${POLICY}/versions/${VERSION}/evaluate`;

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
  const dir = mkdtempSync(join(tmpdir(), 'ras-bench-http-'));
  const logFile = join(dir, 'server.log');
  const log = openSync(logFile, 'w');
  const servers: ServerProcess[] = [];
  try {
    const app = await startServerProcess({ RAS_DATA_DIR: join(dir, 'data'), RAS_CONSOLE_DIR: join(dir, 'no-console') }, { stdout: log });
    servers.push(app);
    const { apiKey, assessment } = await apiClient(app.url);
    const body = JSON.stringify(assessment);
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };

    // One evaluation first: it must succeed, and its answer is the bare handler's constant.
    const first = await fetch(app.url + EVALUATE_PATH, { method: 'POST', headers, body });
    const answer = await first.text();
    if (first.status !== 200) throw new Error(`POST ${EVALUATE_PATH} answered ${first.status}: ${answer.slice(0, 300)}`);
    const answerFile = join(dir, 'answer.json');
    writeFileSync(answerFile, answer);
    const bare = await startServerProcess({ BARE_ANSWER_FILE: answerFile }, { script: 'bench/bare-server.ts', health: '/health' });
    servers.push(bare);

    console.log(
      `HTTP: POST ${EVALUATE_PATH} with an API key, ${connections} connections, ${seconds} s each, loopback, each server in its own process (request ${body.length.toLocaleString('en-GB')} B, answer ${answer.length.toLocaleString('en-GB')} B)`,
    );
    const evaluate = await measure(app.url + EVALUATE_PATH, headers, body, connections, seconds);
    const floor = await measure(`${bare.url}/echo`, { 'content-type': 'application/json' }, body, connections, seconds);

    row('evaluate (real server, npm start)', describe(evaluate));
    row('bare express handler (same-size constant)', describe(floor));
    row(
      'evaluate against a bare handler (goal: at least 0.5)',
      `${(evaluate.perSecond / floor.perSecond).toFixed(2)} of its throughput (evaluation costs ${(floor.perSecond / evaluate.perSecond).toFixed(1)}×)`,
    );
    row('evaluate p99 at 50 connections (goal: under 40 ms)', `${evaluate.p99} ms`);
    const logged = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"message":"request"')).length;
    row('request log lines the server wrote', logged.toLocaleString('en-GB'));
    for (const [label, f] of [
      ['evaluate', evaluate],
      ['bare express', floor],
    ] as const) {
      if (f.non2xx > 0 || f.errors > 0)
        row(
          `  ${label}: NOT ALL 2xx`,
          `${f.non2xx.toLocaleString('en-GB')} non-2xx, ${f.errors.toLocaleString('en-GB')} errors of ${f.requests.toLocaleString('en-GB')}`,
        );
    }
  } finally {
    for (const { child } of servers) child.kill('SIGKILL');
    closeSync(log);
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(f: Figures): string {
  const all2xx = f.non2xx === 0 && f.errors === 0 ? 'all 2xx' : `${f.non2xx} non-2xx, ${f.errors} errors`;
  return `${Math.round(f.perSecond).toLocaleString('en-GB')} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms (${f.requests.toLocaleString('en-GB')} requests, ${all2xx})`;
}

async function measure(url: string, headers: Record<string, string>, body: string, connections: number, seconds: number): Promise<Figures> {
  const run = (duration: number) => autocannon({ url, method: 'POST', headers, body, connections, duration });
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

/** As an admin (from the environment): an api-client user with an API key, and the first worked example's assessment. */
async function apiClient(url: string): Promise<{ apiKey: string; assessment: unknown }> {
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  const { token } = await call('POST', '/api/auth/login', undefined, ADMIN);
  const user = await call('POST', '/api/users', token, {
    username: 'bench-client',
    displayName: 'Benchmark client',
    roles: ['api-client'],
  });
  const { key } = await call('POST', `/api/users/${user.id}/api-keys`, token, { label: 'benchmark' });
  const version = await call('GET', `/api/policies/${POLICY}/versions/${VERSION}`, token);
  const assessment = version.examples?.[0]?.assessment;
  if (!assessment) throw new Error(`${POLICY} ${VERSION} has no worked example to send`);
  return { apiKey: key, assessment };
}
