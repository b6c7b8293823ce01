/**
 * The store's journal: every commit, in order, as one line of journal.jsonl, flushed to disk (fsync)
 * before the commit is acknowledged. It is the store's record of truth; the collection files beside it
 * are copies for people to read.
 *
 * A line is `<header>\t<body>\t<sum>\n`. The header holds what the server keeps in memory (changes to
 * the collections, decision summaries, audit entries), the body what it reads back only on demand (each
 * decision's assessment and result), and the sum (the first 16 hex digits of the SHA-256 of the rest)
 * tells a whole line from one a crash cut short. JSON.stringify never writes a raw tab, so the tabs
 * delimit the parts unambiguously.
 *
 * Commits arriving while a write is on its way to disk are written together, with one fsync for all of
 * them (group commit), so the cost of a commit does not grow with the number of commits stored.
 */

import { createHash } from 'node:crypto';
import { type FileHandle, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CommitBody, CommitHeader } from './commit.js';

export interface Location {
  offset: number;
  length: number;
}

/** Bytes read first for a line's header; most headers fit. */
const HEADER_READ = 8 * 1024;

export interface JournalLine extends Location {
  header: CommitHeader;
}

/** The journal cannot be read: a line in the middle is damaged, so the server must not guess at the state. */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    why: string,
  ) {
    super(`${file} is damaged at byte ${offset}: ${why}. Nothing was changed; check it with 'ras audit verify'.`);
    this.name = 'JournalCorruptError';
  }
}

/** The most bytes one group commit writes; only a tail this long can be a write cut short by a crash. */
export const MAX_BATCH_BYTES = 8 << 20;
const READ_CHUNK = 8 << 20;
const TAB = 0x09;
const NEWLINE = 0x0a;

export function encodeLine(header: CommitHeader, body: CommitBody): string {
  const text = `${JSON.stringify(header)}\t${JSON.stringify(body)}`;
  return `${text}\t${lineSum(text)}\n`;
}

function lineSum(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A line's header, or why it is not a whole line. */
function decodeHeader(line: Buffer): { header: CommitHeader } | { damaged: string } {
  const first = line.indexOf(TAB);
  const last = line.lastIndexOf(TAB);
  if (first < 0 || last === first) return { damaged: 'a line without its three parts' };
  if (lineSum(line.subarray(0, last)) !== line.subarray(last + 1).toString('latin1'))
    return { damaged: 'a line whose checksum does not match' };
  try {
    return { header: JSON.parse(line.subarray(0, first).toString('utf8')) as CommitHeader };
  } catch (e) {
    return { damaged: `a line whose header is not JSON (${(e as Error).message})` };
  }
}

/** A whole line, already verified (its checksum checked), as its header and body. */
export function decodeLine(line: Buffer): { header: CommitHeader; body: CommitBody } {
  const first = line.indexOf(TAB);
  return { header: JSON.parse(line.subarray(0, first).toString('utf8')) as CommitHeader, body: decodeBody(line) };
}

export function decodeBody(line: Buffer): CommitBody {
  const first = line.indexOf(TAB);
  const last = line.lastIndexOf(TAB);
  return JSON.parse(line.subarray(first + 1, last).toString('utf8')) as CommitBody;
}

export interface ScanResult {
  /** Whole lines read. */
  lines: number;
  /** Where the whole lines end. */
  end: number;
  /** A damaged or unfinished tail within the last batch's length: a write a crash cut short. */
  tornTail: { offset: number; bytes: number; why: string } | null;
}

/**
 * Reads every whole line of a journal file. A damaged or unfinished last line, no longer than one batch,
 * is a torn tail: a write a crash cut short, never acknowledged. A damaged line anywhere else is damage.
 */
export async function scanJournal(file: string, onLine?: (line: JournalLine, bytes: Buffer) => void): Promise<ScanResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, end: 0, tornTail: null };
    throw e;
  }
  try {
    const size = (await handle.stat()).size;
    // One buffer for the whole scan: what is left of a line at the end of a read moves to its start.
    let buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(size, 1)));
    let lines = 0;
    let position = 0;
    let carried = 0;
    while (position < size) {
      if (carried === buffer.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, carried, Math.min(buffer.length - carried, size - position), position);
      const dataStart = position - carried;
      const data = buffer.subarray(0, carried + bytesRead);
      position += bytesRead;
      let start = 0;
      for (let end = data.indexOf(NEWLINE, start); end >= 0; end = data.indexOf(NEWLINE, start)) {
        const line = data.subarray(start, end);
        const offset = dataStart + start;
        const decoded = decodeHeader(line);
        if ('damaged' in decoded) {
          // Only the last line can be one a crash cut short; a damaged line with whole lines after it is not.
          const last = offset + line.length + 1 === size;
          if (last && size - offset <= MAX_BATCH_BYTES)
            return { lines, end: offset, tornTail: { offset, bytes: size - offset, why: decoded.damaged } };
          throw new JournalCorruptError(file, offset, decoded.damaged);
        }
        lines++;
        onLine?.({ header: decoded.header, offset, length: end + 1 - start }, line);
        start = end + 1;
      }
      carried = data.length - start;
      buffer.copy(buffer, 0, start, data.length);
    }
    if (carried > 0) {
      const offset = size - carried;
      if (carried <= MAX_BATCH_BYTES) return { lines, end: offset, tornTail: { offset, bytes: carried, why: 'an unfinished last line' } };
      throw new JournalCorruptError(file, offset, 'an unfinished last line longer than any write');
    }
    return { lines, end: size, tornTail: null };
  } finally {
    await handle.close();
  }
}

interface Pending {
  text: string;
  resolve: (location: Location) => void;
  reject: (e: unknown) => void;
}

/** The journal open for appending, with its group-commit queue. */
export class Journal {
  private pending: Pending[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** Opens (or creates) the journal for appending after `end`, cutting off anything beyond it first. */
  static async open(file: string, end: number): Promise<Journal> {
    const existed = await stat(file).then(
      () => true,
      () => false,
    );
    const handle = await open(file, existed ? 'r+' : 'w+', 0o600);
    if (!existed) await syncDirectory(dirname(file));
    if ((await handle.stat()).size > end) {
      await handle.truncate(end);
      await handle.sync();
    }
    return new Journal(file, handle, end);
  }

  /** Resolves with the line's place in the file once it, and every line before it, is on disk. */
  append(text: string): Promise<Location> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ text, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  async read({ offset, length }: Location): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    if (bytesRead !== length) throw new Error(`${this.file}: read ${bytesRead} of ${length} bytes at ${offset}`);
    return buffer.subarray(0, length - 1);
  }

  /**
   * The header of the line at a location, without reading its body: an audit query touches many lines,
   * and a line's body may hold whole policy documents while its header is a few hundred bytes.
   */
  async readHeader({ offset, length }: Location): Promise<CommitHeader> {
    for (let size = Math.min(length, HEADER_READ); ; size = Math.min(length, size * 4)) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await this.handle.read(buffer, 0, size, offset);
      const tab = buffer.subarray(0, bytesRead).indexOf(TAB);
      if (tab >= 0) return JSON.parse(buffer.subarray(0, tab).toString('utf8')) as CommitHeader;
      if (size === length) throw new Error(`${this.file}: the line at ${offset} has no header`);
    }
  }

  async close(): Promise<void> {
    await this.writing;
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        const buffers = batch.map((p) => Buffer.from(p.text, 'utf8'));
        const data = Buffer.concat(buffers);
        const start = this.size;
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await this.handle.write(data, written, data.length - written, start + written);
          written += bytesWritten;
        }
        await this.handle.datasync();
        this.size += data.length;
        let offset = start;
        batch.forEach((p, i) => {
          p.resolve({ offset, length: buffers[i]!.length });
          offset += buffers[i]!.length;
        });
      }
    } catch (e) {
      // The disk refused: whatever the file now holds past `size` is not acknowledged. Every later
      // append fails too, so no commit is acknowledged after one that may be lost.
      this.failure = e;
      for (const p of this.pending.splice(0)) p.reject(e);
      throw e;
    } finally {
      this.writing = null;
    }
  }

  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.pending.length && (count === 0 || bytes + this.pending[count]!.text.length <= MAX_BATCH_BYTES / 4)) {
      bytes += this.pending[count]!.text.length;
      count++;
    }
    return this.pending.splice(0, count);
  }
}

/** Makes a new or renamed file's directory entry durable, as a crash or power loss would otherwise lose it. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves a damaged journal tail aside, keeping the bytes for whoever investigates. */
export async function keepTornTail(file: string, tail: { offset: number; bytes: number }, commit: number): Promise<string> {
  const source = await open(file, 'r');
  const aside = `${file}.torn-after-commit-${commit}`;
  try {
    const buffer = Buffer.allocUnsafe(tail.bytes);
    await source.read(buffer, 0, tail.bytes, tail.offset);
    const target = await open(`${aside}.tmp`, 'w', 0o600);
    await target.writeFile(buffer);
    await target.sync();
    await target.close();
    await rename(`${aside}.tmp`, aside);
  } finally {
    await source.close();
  }
  return aside;
}
