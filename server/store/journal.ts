/**
 * The store's journal: every commit, in order, as one line of journal.jsonl, flushed to disk (datasync)
 * before the commit is acknowledged. It is the store's record of truth; the collection files beside it
 * are copies for people to read.
 *
 * A line is `<header>\t<body>\t<sum>\n`. The header holds what the server keeps in memory (changes to
 * the collections, decision summaries, audit entries), the body what it reads back only on demand (each
 * decision's assessment and result), and the sum (the first 16 hex digits of the SHA-256 of the rest)
 * tells a whole line from a damaged one. JSON.stringify never writes a raw tab, so the tabs delimit the
 * parts unambiguously.
 *
 * Commits arriving while a write is on its way to disk are written together, in one write with one
 * datasync for all of them (group commit), so the cost of a commit does not grow with the number of
 * commits stored. Batches are strictly serial: a batch is written only once the datasync of the one
 * before it has returned, and its commits are acknowledged only after its own.
 *
 * A power loss during a batch's write can leave any part of that batch damaged, not just its end: the
 * disk may persist its blocks in any order, so a middle line can be zero-filled or cut short while a
 * later line of the same batch is whole. So each batch begins with a marker, a line in the same format
 * written in the same write, whose header says how many commit lines follow and how many bytes they
 * take (`{"batch":{"lines":3,"bytes":1234}}`, body `{}`). The reader skips markers (they are not
 * commits) and uses them to tell where the last batch begins:
 *
 * - A batch (marker and lines) followed by more bytes was on disk before those bytes were written, so
 *   it was whole: damage inside it is damage (JournalCorruptError), whatever comes after.
 * - The last batch was perhaps never on disk, and none of it was acknowledged: if its marker is whole
 *   and the file ends before the batch does, or any line of it is damaged (or it does not hold exactly
 *   the lines its marker says), the whole batch from its marker on is a torn tail, its whole lines too.
 * - Damage where a batch should begin (its marker damaged) is a torn tail from there to the end of the
 *   file when that is no longer than one batch and no whole marker follows (a whole marker after it
 *   would be a later batch's, written only once this one was on disk). Else it is damage.
 *
 * A torn tail is set aside by the store when it opens (keepTornTail) and the journal cut back to where
 * the whole batches end. Every opening for appending first writes an empty batch (`"lines":0`) and
 * syncs it on its own, so that in a journal written since markers exist every batch, the first one
 * included, has a whole marker before it: only then is damage where a batch begins read as a damaged
 * marker. A journal written before markers (or rewritten without them, as some tests do) reads as it
 * always did: only a damaged or unfinished last line, no longer than one batch, is a torn tail.
 */

import { createHash } from 'node:crypto';
import { type FileHandle, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Checkpoint, RecordPoint } from '../audit/checkpoint.js';
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

/**
 * The most bytes one group commit writes (unless a single commit is longer); only a tail this long (with
 * its marker) can be a write cut short by a crash, when no whole marker says how long its batch is.
 */
export const MAX_BATCH_BYTES = 8 << 20;
/** The longest a marker line can be (its counts are at most 16 digits each). */
const MARKER_ROOM = 640;
const READ_CHUNK = 8 << 20;
const TAB = 0x09;
const NEWLINE = 0x0a;

export function encodeLine(header: CommitHeader, body: CommitBody): string {
  return encodeParts(header, body);
}

function encodeParts(header: object, body: object): string {
  const text = `${JSON.stringify(header)}\t${JSON.stringify(body)}`;
  return `${text}\t${lineSum(text)}\n`;
}

/**
 * What a batch's marker says: the commit lines that follow it, the bytes they take, and (when the
 * journal is written with the audit key) the record after them, signed. So the journal's end is always
 * signed: nobody without the key can append a commit, or rewrite the last ones, and leave it signed.
 */
interface BatchMarker {
  lines: number;
  bytes: number;
  checkpoint?: Checkpoint;
}

/**
 * A batch as the journal writes it, in one write: its marker, then its lines (each from encodeLine).
 * `locations` are where the lines are, counted from the batch's first byte.
 */
export function encodeBatch(lines: readonly string[], checkpoint?: Checkpoint): { data: Buffer; locations: Location[] } {
  const buffers = lines.map((line) => Buffer.from(line, 'utf8'));
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  const said: BatchMarker = { lines: buffers.length, bytes, ...(checkpoint ? { checkpoint } : {}) };
  const marker = Buffer.from(encodeParts({ batch: said }, {}), 'utf8');
  let offset = marker.length;
  const locations = buffers.map((b) => {
    const location = { offset, length: b.length };
    offset += b.length;
    return location;
  });
  return { data: Buffer.concat([marker, ...buffers]), locations };
}

const MARKER_START = Buffer.from('{"batch":');

/** Whether a whole line (checksum already checked) is a batch's marker rather than a commit. */
export function isBatchMarker(line: Buffer | string): boolean {
  return typeof line === 'string' ? line.startsWith('{"batch":') : line.subarray(0, MARKER_START.length).equals(MARKER_START);
}

function lineSum(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A line's header (a commit's, or a batch's marker), or why it is not a whole line. */
function decodeHeader(line: Buffer): { header: CommitHeader } | { marker: BatchMarker } | { damaged: string } {
  const first = line.indexOf(TAB);
  const last = line.lastIndexOf(TAB);
  if (first < 0 || last === first) return { damaged: 'a line without its three parts' };
  if (lineSum(line.subarray(0, last)) !== line.subarray(last + 1).toString('latin1'))
    return { damaged: 'a line whose checksum does not match' };
  let header: unknown;
  try {
    header = JSON.parse(line.subarray(0, first).toString('utf8'));
  } catch (e) {
    return { damaged: `a line whose header is not JSON (${(e as Error).message})` };
  }
  if (typeof header === 'object' && header !== null && 'batch' in header) {
    const marker = header.batch as Partial<BatchMarker> | null;
    const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
    if (!count(marker?.lines) || !count(marker?.bytes)) return { damaged: 'a batch marker that does not say what follows it' };
    return {
      marker: { lines: marker.lines, bytes: marker.bytes, ...(marker.checkpoint ? { checkpoint: marker.checkpoint as Checkpoint } : {}) },
    };
  }
  return { header: header as CommitHeader };
}

/** A whole commit line, already verified (its checksum checked), as its header and body. */
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
  /** Whole commit lines read (markers are not commits). */
  lines: number;
  /** Where the whole batches end. */
  end: number;
  /** The last batch, damaged or unfinished: a write a crash cut short, never acknowledged. */
  tornTail: { offset: number; bytes: number; why: string } | null;
}

/**
 * Reads every commit of a journal file, in order, passing each whole line to `onLine`; a batch's lines
 * are passed on only once the whole batch has been read. The torn tail, if any, is told apart from
 * damage as the module's comment says.
 */
export async function scanJournal(
  file: string,
  onLine?: (line: JournalLine, bytes: Buffer) => void,
  /** Called after each whole batch's lines, with what its marker says. */
  onBatch?: (marker: { lines: number; checkpoint?: Checkpoint }) => void,
): Promise<ScanResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, end: 0, tornTail: null };
    throw e;
  }
  try {
    const size = (await handle.stat()).size;
    const window = new FileWindow(file, handle, size);
    let lines = 0;
    /** Where the next batch begins (or the next line, in a journal written before markers). */
    let at = 0;
    /** A whole marker has been read: from there on, every batch begins with one. */
    let marked = false;
    const torn = (why: string): ScanResult => ({ lines, end: at, tornTail: { offset: at, bytes: size - at, why } });

    while (at < size) {
      const line = await window.line(at);
      const decoded = line.whole ? decodeHeader(line.bytes) : { damaged: 'an unfinished last line' };
      if ('damaged' in decoded) {
        if (marked) {
          // Where a batch should begin: its marker damaged, unless a later batch's whole marker follows.
          if (size - at <= MAX_BATCH_BYTES + MARKER_ROOM && !(await window.markerIn(line.end)))
            return torn(`where a batch begins, ${decoded.damaged}`);
        } else if (line.end === size && size - at <= MAX_BATCH_BYTES) {
          return torn(decoded.damaged); // a journal written before markers: only its last line can be torn
        }
        throw new JournalCorruptError(file, at, decoded.damaged);
      }
      if ('header' in decoded) {
        // A line with no marker before it: from a journal written before markers.
        lines++;
        onLine?.({ header: decoded.header, offset: at, length: line.end - at }, line.bytes);
        at = line.end;
        continue;
      }

      marked = true;
      const batchEnd = line.end + decoded.marker.bytes;
      if (batchEnd > size) return torn('a batch cut short');
      const batch = await window.batch(line.end, batchEnd, decoded.marker.lines);
      if ('damaged' in batch) {
        if (batchEnd === size) return torn(`a batch with ${batch.damaged}`);
        throw new JournalCorruptError(file, batch.offset, `${batch.damaged}, in a batch with others after it`);
      }
      for (const { header, offset, bytes } of batch.lines) {
        lines++;
        onLine?.({ header, offset, length: bytes.length + 1 }, bytes);
      }
      onBatch?.(decoded.marker);
      at = batchEnd;
    }
    return { lines, end: size, tornTail: null };
  } finally {
    await handle.close();
  }
}

/**
 * A journal file read through one buffer, which grows to hold the longest line or batch. What it
 * returns stays valid until its next call.
 */
class FileWindow {
  private buffer: Buffer;
  /** The file offset of the buffer's first byte, and how many bytes it holds. */
  private from = 0;
  private filled = 0;

  constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(size, 1)));
  }

  /** The line that begins at `start`: up to its newline, or to the end of the file when it has none. */
  async line(start: number): Promise<{ bytes: Buffer; end: number; whole: boolean }> {
    let searched = start;
    for (;;) {
      const held = start >= this.from && start <= this.from + this.filled ? this.from + this.filled : start;
      if (held > searched) {
        const newline = this.buffer.subarray(0, this.filled).indexOf(NEWLINE, searched - this.from);
        if (newline >= 0) return { bytes: this.buffer.subarray(start - this.from, newline), end: this.from + newline + 1, whole: true };
        searched = held;
      }
      if (held >= this.size) return { bytes: this.buffer.subarray(start - this.from, this.filled), end: this.size, whole: false };
      await this.load(start, held + 1);
    }
  }

  /** A batch's commit lines, [start, end) of the file, if they are exactly `count` whole commit lines. */
  async batch(
    start: number,
    end: number,
    count: number,
  ): Promise<{ lines: Array<{ header: CommitHeader; offset: number; bytes: Buffer }> } | { damaged: string; offset: number }> {
    if (start < this.from || end > this.from + this.filled) await this.load(start, end);
    const data = this.buffer.subarray(start - this.from, end - this.from);
    const lines: Array<{ header: CommitHeader; offset: number; bytes: Buffer }> = [];
    for (let i = 0; i < data.length; ) {
      const newline = data.indexOf(NEWLINE, i);
      if (newline < 0) return { damaged: 'a line cut short', offset: start + i };
      const decoded = decodeHeader(data.subarray(i, newline));
      if ('damaged' in decoded) return { damaged: decoded.damaged, offset: start + i };
      if ('marker' in decoded) return { damaged: 'a marker among its lines', offset: start + i };
      lines.push({ header: decoded.header, offset: start + i, bytes: data.subarray(i, newline) });
      i = newline + 1;
    }
    if (lines.length !== count) return { damaged: `${lines.length} lines where its marker says ${count}`, offset: start };
    return { lines };
  }

  /** Whether a whole marker begins anywhere in the file after `start` (at a line's start). */
  async markerIn(start: number): Promise<boolean> {
    for (let at = start; at < this.size; ) {
      const line = await this.line(at);
      if (line.whole && 'marker' in decodeHeader(line.bytes)) return true;
      at = line.end;
    }
    return false;
  }

  /** Holds the file from `start` on, at least to `end` (at most the file's size), reading ahead as far as the buffer goes. */
  private async load(start: number, end: number): Promise<void> {
    if (start >= this.from && start <= this.from + this.filled) {
      this.buffer.copy(this.buffer, 0, start - this.from, this.filled);
      this.filled -= start - this.from;
    } else this.filled = 0;
    this.from = start;
    if (end - start > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(end - start, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.filled);
      this.buffer = bigger;
    }
    const until = Math.min(this.size, start + this.buffer.length);
    while (this.from + this.filled < until) {
      const { bytesRead } = await this.handle.read(this.buffer, this.filled, until - this.from - this.filled, this.from + this.filled);
      if (bytesRead === 0) throw new Error(`${this.file} ended at byte ${this.from + this.filled} while being read`);
      this.filled += bytesRead;
    }
  }
}

interface Pending {
  text: string;
  /** The record once this line is written: what the batch's marker signs when it is a batch's last. */
  after: RecordPoint;
  resolve: (location: Location) => void;
  reject: (e: unknown) => void;
}

/** Signs the record at a point with the audit key: each batch's marker carries its end so signed. */
export type Signer = (point: RecordPoint) => Checkpoint;

/** The journal open for appending, with its group-commit queue. */
export class Journal {
  private pending: Pending[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private size: number,
    private readonly sign: Signer | undefined,
  ) {}

  /**
   * Opens (or creates) the journal for appending after `end`, cutting off anything beyond it first.
   * With a signer, every batch's marker signs the record after it, starting with the empty batch
   * written now, which signs the record as it stands (`at`).
   */
  static async open(file: string, end: number, signed?: { sign: Signer; at: RecordPoint }): Promise<Journal> {
    const existed = await stat(file).then(
      () => true,
      () => false,
    );
    const handle = await open(file, existed ? 'r+' : 'w+', 0o600);
    try {
      if (!existed) await syncDirectory(dirname(file));
      if ((await handle.stat()).size > end) {
        await handle.truncate(end);
        await handle.sync();
      }
      // An empty batch, on disk before any batch this opening writes: every batch from here on has a
      // whole marker before it, so a damaged one where a batch begins reads as that batch's marker.
      const journal = new Journal(file, handle, end, signed?.sign);
      await journal.write(encodeBatch([], signed ? signed.sign(signed.at) : undefined).data);
      return journal;
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** Resolves with the line's place in the file once it, and every line before it, is on disk. */
  append(text: string, after: RecordPoint): Promise<Location> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ text, after, resolve, reject });
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
        const { data, locations } = encodeBatch(
          batch.map((p) => p.text),
          this.sign?.(batch.at(-1)!.after),
        );
        const start = this.size;
        await this.write(data);
        batch.forEach((p, i) => {
          p.resolve({ offset: start + locations[i]!.offset, length: locations[i]!.length });
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

  /** Writes a batch at the end of the journal, in one write, and returns once it is on disk. */
  private async write(data: Buffer): Promise<void> {
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written, this.size + written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.size += data.length;
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
