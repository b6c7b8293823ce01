/**
 * Servers the benches measure, each in a process of its own as it runs in use: the server's event loop,
 * heap and collector are its own, not shared with the load generator or with what the bench did before.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('..', import.meta.url).pathname;

export const ADMIN = { username: 'bench-admin', password: 'quiet-lantern-orchard-1977' };

export interface ServerProcess {
  child: ChildProcess;
  url: string;
}

/**
 * `node --import tsx <script>` (by default server/main.ts, as npm start runs it, with an admin from the
 * environment) on a free port; ready when `health` answers. Its stdout goes to `stdout` (a file
 * descriptor; by default nowhere), as a server's log goes to a file.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { script?: string; health?: string; stdout?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  // The store is the caller's to choose: a database named in this shell's environment must not replace it.
  const { RAS_DATABASE_URL: _url, RAS_DATABASE_SCHEMA: _schema, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RAS_ADMIN_USERNAME: ADMIN.username,
      RAS_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 600; tries++) {
    const up = await fetch(`${url}${options.health ?? '/api/health'}`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${options.script ?? 'server/main.ts'} did not start within 30 s`);
}

/** A port that was free a moment ago: bind port 0, note what the system chose, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
