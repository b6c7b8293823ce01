/**
 * A lowdb adapter for one JSON file with its own write queue. Each write() resolves once a write that
 * began after it was called has reached the disk, so an acknowledged change is stored even if the
 * process is killed at once, and no caller waits behind a stream of later writes (steno's queue can
 * keep its first caller waiting while writes keep arriving). Concurrent writes coalesce: the newest
 * data is written once for all who wait. Each write goes to a temporary file, is flushed with fsync,
 * renamed over the target, and the directory is flushed too, so readers never see a torn file and
 * power loss cannot undo the rename. Files are readable by their owner only: they hold personal data.
 */

import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { syncDirectory } from './journal.js';

export class JsonFileAdapter<T> implements Adapter<T> {
  private readonly tempFile: string;
  private latest: T | undefined;
  private requested = 0;
  private written = 0;
  private running: Promise<void> | null = null;
  private waiters: Array<{ generation: number; resolve: () => void; reject: (e: unknown) => void }> = [];

  constructor(private readonly file: string) {
    this.tempFile = join(dirname(file), `.${basename(file)}.tmp`);
  }

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  write(data: T): Promise<void> {
    this.latest = data;
    const generation = ++this.requested;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    try {
      while (this.written < this.requested) {
        const generation = this.requested;
        await this.writeNow(JSON.stringify(this.latest));
        this.written = generation;
        this.settle(
          (w) => w.generation <= generation,
          (w) => w.resolve(),
        );
      }
    } catch (e) {
      this.settle(
        () => true,
        (w) => w.reject(e),
      );
    } finally {
      this.running = null;
    }
  }

  private settle(
    which: (w: JsonFileAdapter<T>['waiters'][number]) => boolean,
    act: (w: JsonFileAdapter<T>['waiters'][number]) => void,
  ): void {
    const settled = this.waiters.filter(which);
    this.waiters = this.waiters.filter((w) => !which(w));
    settled.forEach(act);
  }

  private async writeNow(text: string): Promise<void> {
    const handle = await open(this.tempFile, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.tempFile, this.file);
    await syncDirectory(dirname(this.file));
  }
}

/** Bytes to a file as JSON files are written: a temporary file, fsync, rename, and the directory flushed. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(dirname(file));
}
