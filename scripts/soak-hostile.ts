/**
 * npm run soak:hostile: at least 10,000 hostile requests, generated from the server's own OpenAPI
 * document, against the real server in a process of its own, which logs its event loop's delay each
 * second, while a probe in a worker thread asks /api/health every 10 ms. Prints the answers by status,
 * the event loop's worst delays, the health latencies, and every misbehaviour; exits 1 on any 5xx, any
 * answer the document does not allow, or any second in which the event loop stalled over 50 ms.
 *
 *   npm run soak:hostile -- [--requests N] [--seed S] [--concurrency C]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startChildServer } from '../test/support/child-server.js';
import { hostileStream, streamIngredients } from '../test/support/hostile-stream.js';
import { createOtherRoleUsers, login, PASSWORD } from '../test/support/server.js';

const STALL_MS = 50;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '20' },
  },
});
const count = Number(values.requests);
const concurrency = Number(values.concurrency);
for (const [name, value] of [
  ['--requests', count],
  ['--concurrency', concurrency],
] as const)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number of at least 1`);
    process.exit(2);
  }
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const dataDir = mkdtempSync(join(tmpdir(), 'ras-soak-hostile-'));
const server = await startChildServer({
  RAS_DATA_DIR: dataDir,
  RAS_ADMIN_USERNAME: 'admin',
  RAS_ADMIN_PASSWORD: PASSWORD,
  RAS_EVENT_LOOP_LOG_SECONDS: '1',
});
// The load is made at the lowest priority, so that on a small machine the server's delays are its own,
// not the wait for a core the load generator holds.
setPriority(19);
// The server logs its event loop's delay each second; the soak keeps the lines logged while it runs.
const delays: Array<{ p99Ms: number; maxMs: number }> = [];
let measuring = false;
let pending = '';
server.child.stdout!.on('data', (chunk: Buffer) => {
  const lines = (pending + chunk.toString('utf8')).split('\n');
  pending = lines.pop()!;
  for (const line of lines) {
    if (!measuring || !line.includes('"event loop"')) continue;
    const { p99Ms, maxMs } = JSON.parse(line) as { p99Ms: number; maxMs: number };
    delays.push({ p99Ms, maxMs });
  }
});
let exitCode = 1;
try {
  const tokens = await createOtherRoleUsers(server.url, await login(server.url, 'admin'));
  const target = { url: server.url, tokens };
  const setup = await streamIngredients(target);
  console.log(`hostile soak: ${count} requests, seed ${seed}, ${concurrency} at a time, against ${server.url} (pid ${server.pid})`);

  const probe = new Worker(new URL('./health-probe.mjs', import.meta.url), {
    workerData: { url: `${server.url}/api/health`, everyMs: 10 },
  });
  const began = performance.now();
  measuring = true;
  const report = await hostileStream(target, setup, { seed, count, concurrency });
  // One more log line, for the last second of the stream.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  measuring = false;
  const seconds = (performance.now() - began) / 1000;
  const health: number[] = await new Promise((resolve) => {
    probe.once('message', resolve);
    probe.postMessage('stop');
  });
  await probe.terminate();

  const statuses = [...report.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  const sorted = [...report.latencies].sort((a, b) => a - b);
  const healthSorted = [...health].sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!.toFixed(1);
  const stalls = delays.filter((d) => d.maxMs > STALL_MS);
  const slowHealth = health.filter((ms) => ms > STALL_MS);
  const fiveHundreds = [...report.statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
  console.log(`${count} requests in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} a second)`);
  console.log(`answers by status: ${statuses.join(', ')}`);
  console.log(`request latency: median ${at(sorted, 0.5)} ms, p99 ${at(sorted, 0.99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
  console.log(
    `server event loop delay, per second: worst p99 ${Math.max(...delays.map((d) => d.p99Ms))} ms, worst max ${Math.max(...delays.map((d) => d.maxMs))} ms; seconds with a stall over ${STALL_MS} ms: ${stalls.length} of ${delays.length}`,
  );
  console.log(
    `/api/health meanwhile (from a thread of this process, which shares the machine): ${health.length} answers, median ${at(healthSorted, 0.5)} ms, p99 ${at(healthSorted, 0.99)} ms, max ${healthSorted.at(-1)!.toFixed(1)} ms, over ${STALL_MS} ms: ${slowHealth.length}`,
  );
  console.log(`5xx answers: ${fiveHundreds}; answers the OpenAPI document does not allow: ${report.failures.length}`);
  for (const failure of report.failures.slice(0, 30)) console.log(`  ${failure}`);
  exitCode = report.failures.length === 0 && fiveHundreds === 0 && stalls.length === 0 ? 0 : 1;
  console.log(exitCode === 0 ? 'PASS' : 'FAIL');
} finally {
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
