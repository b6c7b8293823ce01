/**
 * Runs the `ras` command as a user would, with real files and real exit codes: in this process through
 * cli/main.ts (the function bin/ras.js calls, with its output streams), or as a real process for the
 * few smoke tests of the installed command.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../../cli/main.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface RasRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ras <args>` in this process. A crash (an error main() does not turn into an exit status) fails the test. */
export async function ras(...args: string[]): Promise<RasRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await main(args, stdout, stderr);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `node bin/ras.js <args>`: the command as installed, in a process of its own. */
export async function rasProcess(...args: string[]): Promise<RasRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/ras.js'), ...args], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ras-cli-')), name);
  writeFileSync(file, content);
  return file;
}

class TextSink extends Writable {
  private chunks: string[] = [];

  get text(): string {
    return this.chunks.join('');
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    done();
  }
}
