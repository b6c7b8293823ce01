/**
 * The running server's request log (npm start's stdout): one JSON line per request with its method,
 * route pattern, status and time, never what was sent, and none lost when the server stops, though
 * lines are written together once per turn of the event loop.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchedLines } from '../../server/logger.js';
import { startChildServer } from '../support/child-server.js';
import { onPostgres } from '../support/store-under-test.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PASSWORD = 'lantern-orchard-quiet-1977';
const REFERENCE = 'LOG-9f3c-not-in-logs';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('lines written together', () => {
  it('every line of one turn goes out in one write, in order, and later lines in the next', async () => {
    const writes: string[] = [];
    const write = batchedLines((text) => writes.push(text));
    write('one');
    write('two');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    write('three');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['one\ntwo\n', 'three\n']);
  });

  it('lines still waiting when the process exits are written before it goes', () => {
    const script = `
      const { jsonLogger } = await import('./server/logger.ts');
      const log = jsonLogger();
      log.info('first', { n: 1 });
      log.error('last', { n: 2 });
      process.exit(3);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(3);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.level, l.message, l.n])).toEqual([
      ['info', 'first', 1],
      ['error', 'last', 2],
    ]);
  });
});

describe.skipIf(onPostgres())('the request log of the running server', () => {
  it('has a line for every request, in order, with no assessment or password in it, the last ones too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ras-request-log-'));
    dirs.push(dir);
    const server = await startChildServer({
      RAS_DATA_DIR: dir,
      RAS_CONSOLE_DIR: join(dir, 'no-console'),
      RAS_ADMIN_USERNAME: 'log-admin',
      RAS_ADMIN_PASSWORD: PASSWORD,
    });
    let stdout = '';
    server.child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const example = JSON.parse(
      readFileSync(join(ROOT, 'rules/examples/adult-ras/2010-revised/examples/high-need-panel-nhs-safeguarding.json'), 'utf8'),
    );
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'log-admin', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const asAdmin = async (path: string, body: unknown) =>
      (await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then((res) => res.json())) as { id: string; key: string };
    const client = await asAdmin('/api/users', { username: 'case-system', displayName: 'Case system', roles: ['api-client'] });
    const { key } = await asAdmin(`/api/users/${client.id}/api-keys`, { label: 'logged' });
    const evaluate = (assessment: unknown) =>
      fetch(`${server.url}/api/policies/adult-ras/versions/2010-revised/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify(assessment),
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await evaluate({ ...example.assessment, reference: REFERENCE })).status);
    statuses.push((await evaluate({ ...example.assessment, reference: REFERENCE, age: -1 })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 422]);

    // Stopped at once: the last lines are still waiting for their turn's write.
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;

    const requests = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((line) => line.message === 'request')
      // The start-up's health probes may be among them: their number depends on how fast the server started.
      .filter((line) => line.route !== '/api/health');
    const evaluateRoute = '/api/policies/:id/versions/:version/evaluate';
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', '/api/auth/login', 200],
      ['POST', '/api/users', 201],
      ['POST', '/api/users/:userId/api-keys', 201],
      ...Array.from({ length: 5 }, () => ['POST', evaluateRoute, 200]),
      ['POST', evaluateRoute, 422],
    ]);
    for (const r of requests) expect(r.ms).toBeGreaterThan(0);
    expect(stdout).not.toContain(REFERENCE);
    expect(stdout).not.toContain(PASSWORD);
    expect(stdout).not.toContain(key);
  });
});
