/**
 * The audit key: made on a new installation's first start, where it says, readable by the service's
 * user alone and never inside the data directory; and checkpoints given to verification that are not
 * checkpoints get a clear refusal naming what is wrong, from the API and from the command.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ok } from '../support/api-client.js';
import { startChildServer } from '../support/child-server.js';
import { ras, ROOT } from '../support/cli.js';
import { startServer, type TestServer } from '../support/server.js';
import { onPostgres } from '../support/store-under-test.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function newPlace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ras-audit-key-'));
  dirs.push(dir);
  return dir;
}

describe.skipIf(onPostgres())('the audit key on a new installation', () => {
  it('is made on the first start where RAS_AUDIT_KEY_FILE says, with a message saying where to keep it; kept on the next', async () => {
    const place = newPlace();
    const keyFile = join(place, 'secrets', 'audit.pem');
    const env = { RAS_DATA_DIR: join(place, 'data'), RAS_AUDIT_KEY_FILE: keyFile, RAS_CONSOLE_DIR: join(place, 'none') };
    const first = await startChildServer(env);
    let publicKey: string;
    try {
      expect(first.output()).toContain(`Made a new audit key at ${keyFile}`);
      expect(first.output()).toContain('Keep it apart from the data directory and its backups');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      publicKey = ((await (await fetch(`${first.url}/api/public/checkpoints`)).json()) as { auditKey: string }).auditKey;
      expect(first.output()).toContain(`public key ${publicKey}`);
    } finally {
      await first.kill();
    }
    const again = await startChildServer(env);
    try {
      expect(again.output()).not.toContain('Made a new audit key');
      expect(((await (await fetch(`${again.url}/api/public/checkpoints`)).json()) as { auditKey: string }).auditKey).toBe(publicKey);
    } finally {
      await again.kill();
    }
  });

  it('is refused inside the data directory, and when the file holds no Ed25519 key', () => {
    const place = newPlace();
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', RAS_DATA_DIR: join(place, 'data'), ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const inside = start({ RAS_AUDIT_KEY_FILE: join(place, 'data', 'key.pem') });
    expect(inside.status).toBe(1);
    expect(inside.stderr).toContain('Configuration: RAS_AUDIT_KEY_FILE');
    expect(inside.stderr).toContain('is inside the data directory');

    const notAKey = join(place, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    const wrong = start({ RAS_AUDIT_KEY_FILE: notAKey });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`Configuration: ${notAKey} does not hold a private key`);
  });
});

describe('checkpoints given to verification that are not checkpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
    server.remove();
  });
  const scrutiny = () => as(server, server.tokens.scrutiny);

  it('in the query: 400, naming the parameter and which of them', async () => {
    const line = ok(await scrutiny().get('/api/audit/checkpoint')).line as string;
    const res = await scrutiny().get(`/api/audit/verify?checkpoint=${encodeURIComponent(line)}&checkpoint=minute+12`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/query/checkpoint/1', code: 'bad_query' })]);
    expect(res.body.detail).toContain('The checkpoint number 2 is not a checkpoint line');
  });

  it('in the body: 422, with the pointer to the line and the pattern it must match', async () => {
    const res = await scrutiny().post('/api/audit/verify', { checkpoints: ['ras-checkpoint v1 commit=12'] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/checkpoints/0' })]);
  });

  it('minutes pasted whole: every checkpoint line in them is checked, and text without one is refused', async () => {
    const line = ok(await scrutiny().get('/api/audit/checkpoint')).line as string;
    const report = ok(await scrutiny().post('/api/audit/verify', { text: `Cabinet, minute 12.\n${line}\nNoted.` }));
    expect(report).toMatchObject({ ok: true, checkpoints: { known: 1 } });
    const none = await scrutiny().post('/api/audit/verify', { text: 'Cabinet, minute 12. Noted.' });
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual([expect.objectContaining({ pointer: '/text', code: 'no_checkpoint' })]);
  });

  it('a kept line with one character changed: its signature does not hold, found by both', async () => {
    const line = ok(await scrutiny().get('/api/audit/checkpoint')).line as string;
    const changed = line.replace(/entry=(\d+)/, (_m, n) => `entry=${Number(n) - 1}`);
    const report = ok(await scrutiny().post('/api/audit/verify', { checkpoints: [changed] }));
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'signature_invalid', message: expect.stringContaining('a checkpoint kept outside the record') }),
    );
    if (onPostgres()) return;
    const file = join(newPlace(), 'minutes.txt');
    writeFileSync(file, changed);
    const run = await ras('audit', 'verify', '--data-dir', server.where, '--checkpoints', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not signed by the key it names: it was mistyped, or changed since it was signed');
  });

  it.skipIf(onPostgres())('from the command: a file without a checkpoint line, or a public key that is not one, exit 2', async () => {
    const file = join(newPlace(), 'minutes.txt');
    writeFileSync(file, 'Minutes of the meeting. No checkpoint was read out.');
    const noLine = await ras('audit', 'verify', '--data-dir', server.where, '--checkpoints', file);
    expect(noLine.code).toBe(2);
    expect(noLine.stderr).toContain('holds no checkpoint line');
    const badKey = await ras('audit', 'verify', '--data-dir', server.where, '--public-key', 'not-a-key');
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("--public-key must be an audit public key (43 characters of base64url, as published), got 'not-a-key'");
  });
});
