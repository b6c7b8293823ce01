/**
 * The real server as a child process (`node --import tsx server/main.ts`), for tests that must kill it
 * outright (SIGKILL) and start it again on the same data directory.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT_TAIL = 8_000;

/** Children still running; killed if this process exits without killing them itself. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The last few thousand characters the child wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** SIGKILL, then wait until the process has gone. */
  kill(): Promise<void>;
  readonly exited: boolean;
}

/** A port that was free a moment ago: bind port 0, note what the system chose, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startChildServer(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  live.add(child);
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      live.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    url,
    pid: child.pid!,
    child,
    output: () => tail,
    get exited() {
      return exited;
    },
    kill: async () => {
      if (!exited) child.kill('SIGKILL');
      await gone;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`the server exited before answering /api/health:\n${tail}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) {
        await res.arrayBuffer();
        return server;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
