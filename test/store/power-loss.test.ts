/**
 * Power loss inside a group commit. Commits that arrive together are written as one batch (one write,
 * one datasync) and acknowledged only once the datasync returns. A power loss during that write can
 * leave any part of the batch damaged, not only its end: the disk may persist its blocks in any order,
 * so a middle line can be zero-filled while a later line of the same batch is whole. Nothing in that
 * batch was acknowledged, so the server sets the whole batch aside, records that it did, and starts with
 * every commit before it. Damage in an earlier batch is another matter: the batch after it was written
 * only once the earlier one was on disk, so that one was acknowledged, and the server still refuses.
 *
 * The data-directory tests start from a copy of a stopped server's record and append three real
 * commits (made by that server, then taken off its journal) as one batch, byte for byte as the
 * journal writes one (encodeBatch), then damage it as a power loss would.
 */

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBatch, encodeLine, Journal, JournalCorruptError, type Location, scanJournal } from '../../server/store/journal.js';
import { journalPath } from '../../server/store/layout.js';
import { StoreIntegrityError } from '../../server/store/lowdb-store.js';
import type { AuditEntry } from '../../server/store/records.js';
import { as, cloneVersion, editDocument, ok, ratificationFor, ratify, versionPath } from '../support/api-client.js';
import { ras } from '../support/cli.js';
import { removeStore, startServer, type TestServer } from '../support/server.js';
import { onPostgres } from '../support/store-under-test.js';

const KEPT = versionPath('adult-ras', 'before-the-power-cut');
const IN_THE_BATCH = versionPath('adult-ras', 'in-the-lost-batch');

const dirs: string[] = [];
/** A stopped server's record: a version ratified, then nothing more. */
let before: string;
let journalBefore: Buffer;
let commitsBefore: number;
let entriesBefore: AuditEntry[];
let tokens: TestServer['tokens'];
/** The three commits that came next (a draft cloned, edited and submitted), as the journal's lines. */
let next: string[];

beforeAll(async () => {
  if (onPostgres()) return;
  const server = await startServer();
  tokens = server.tokens;
  await cloneVersion(server, tokens.officer, 'adult-ras', '2010-revised', 'before-the-power-cut');
  ok(await as(server, tokens.officer).post(`${KEPT}/submit`));
  ok(await ratify(server, tokens.ratifier, 'adult-ras', 'before-the-power-cut', ratificationFor('2011-04-01')));
  commitsBefore = ok(await as(server, tokens.scrutiny).get('/api/audit/verify')).commits;
  entriesBefore = ok(await as(server, tokens.scrutiny).get('/api/audit'));
  await server.close();
  before = copy(server.where);
  journalBefore = readFileSync(journalPath(before));

  // The same server again (its sessions are in the record), for three more commits.
  const again = await startServer({ where: server.where, users: false });
  await cloneVersion(again, tokens.officer, 'adult-ras', '2010-revised', 'in-the-lost-batch');
  await editDocument(again, tokens.officer, 'adult-ras', 'in-the-lost-batch', (d) => {
    d.title = 'Never acknowledged';
  });
  ok(await as(again, tokens.officer).post(`${IN_THE_BATCH}/submit`));
  await again.close();
  next = [];
  await scanJournal(journalPath(server.where), (line, bytes) => {
    if (line.offset >= journalBefore.length) next.push(`${bytes.toString('utf8')}\n`);
  });
  server.remove();
  expect(next).toHaveLength(3);
});

afterAll(() => dirs.forEach(removeStore));

function copy(dir: string): string {
  const to = mkdtempSync(join(tmpdir(), 'ras-power-loss-'));
  cpSync(dir, to, { recursive: true });
  dirs.push(to);
  return to;
}

/** A copy of the record with `appended` written after its journal's last batch, as the power loss left it. */
function recordEndingWith(appended: Buffer): string {
  const dir = copy(before);
  writeFileSync(journalPath(dir), Buffer.concat([journalBefore, appended]));
  return dir;
}

/** The three commits as one batch, with where each line is in it (after the batch's marker). */
function batchOfThree(): { data: Buffer; lines: Location[] } {
  const { data, locations } = encodeBatch(next);
  return { data, lines: locations };
}

function zeroFilled(data: Buffer, { offset, length }: Location): Buffer {
  const damaged = Buffer.from(data);
  damaged.fill(0, offset, offset + length);
  return damaged;
}

/**
 * What every power loss inside the last batch must come to: the record verifies (naming the torn tail),
 * the server starts with every commit from before the batch and none of it, the batch's bytes are kept
 * aside, and the audit log says so.
 */
async function expectSetAside(dir: string, appended: Buffer): Promise<void> {
  const verified = await ras('audit', 'verify', '--data-dir', dir);
  expect(verified.stderr).toBe('');
  expect(verified.code).toBe(0);
  expect(verified.stdout).toContain(`audit chain intact, ${entriesBefore.length} entries over ${commitsBefore} commits`);
  expect(verified.stdout).toContain(`the journal ends with ${appended.length} bytes a crash cut short`);

  const keptAs = `journal.jsonl.torn-after-commit-${commitsBefore}`;
  const restarted = await startServer({ where: dir });
  try {
    expect(ok(await as(restarted, restarted.tokens.officer).get(KEPT)).status).toBe('ratified');
    expect((await as(restarted, restarted.tokens.officer).get(IN_THE_BATCH)).status).toBe(404);

    const entries: AuditEntry[] = ok(await as(restarted, restarted.tokens.scrutiny).get('/api/audit'));
    expect(entries.slice(0, entriesBefore.length)).toEqual(entriesBefore);
    expect(entries[entriesBefore.length]).toMatchObject({
      seq: entriesBefore.length + 1,
      actor: 'system:store',
      action: 'store.recovery',
      target: 'store:journal',
      details: { keptAs, bytes: appended.length, afterCommit: commitsBefore },
      digest: null,
      actionWords: 'Unfinished write set aside after a crash',
    });
    expect(entries.filter((e) => e.target === 'version:adult-ras/in-the-lost-batch')).toEqual([]);
    // Setting aside a write a crash cut short is no finding about the record's integrity.
    const report = ok(await as(restarted, restarted.tokens.scrutiny).get('/api/audit/verify'));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  } finally {
    await restarted.close();
  }
  expect(readFileSync(join(dir, keptAs)).equals(appended)).toBe(true);
  const journal = readFileSync(journalPath(dir));
  expect(journal.subarray(0, journalBefore.length).equals(journalBefore)).toBe(true);
  expect(journal.includes('in-the-lost-batch')).toBe(false);
}

/** A record the server must refuse, leaving the journal as it found it. */
async function expectRefused(dir: string, damagedAt: number): Promise<void> {
  const journal = readFileSync(journalPath(dir));
  const verified = await ras('audit', 'verify', '--data-dir', dir);
  expect(verified.code).toBe(1);
  expect(verified.stderr).toContain(`journal_damaged: ${journalPath(dir)} is damaged at byte ${damagedAt}`);
  await expect(startServer({ where: dir })).rejects.toBeInstanceOf(StoreIntegrityError);
  expect(readFileSync(journalPath(dir)).equals(journal)).toBe(true);
}

describe.skipIf(onPostgres())('a power loss while the last batch of commits was being written', () => {
  it('the middle line zero-filled, the last line whole: the whole batch is set aside, its whole lines too', async () => {
    const { data, lines } = batchOfThree();
    const appended = zeroFilled(data, lines[1]!);
    expect(appended.subarray(lines[2]!.offset).toString('utf8')).toBe(next[2]);
    await expectSetAside(recordEndingWith(appended), appended);
  });

  it("the batch's marker zero-filled, its three lines whole: set aside from where the marker was", async () => {
    const { data, lines } = batchOfThree();
    const appended = zeroFilled(data, { offset: 0, length: lines[0]!.offset });
    await expectSetAside(recordEndingWith(appended), appended);
  });

  it('the batch cut short half-way through its second line: set aside', async () => {
    const { data, lines } = batchOfThree();
    const appended = data.subarray(0, lines[1]!.offset + Math.floor(lines[1]!.length / 2));
    await expectSetAside(recordEndingWith(appended), appended);
  });
});

describe.skipIf(onPostgres())('damage in an earlier batch, with a whole batch after it', () => {
  it('a zero-filled line: that batch was on disk before the next was written, so the server refuses', async () => {
    const first = encodeBatch(next.slice(0, 2));
    const second = encodeBatch(next.slice(2));
    const dir = recordEndingWith(Buffer.concat([zeroFilled(first.data, first.locations[0]!), second.data]));
    await expectRefused(dir, journalBefore.length + first.locations[0]!.offset);
  });

  it("a zero-filled marker: a whole marker follows it, so it was not the last batch's, and the server refuses", async () => {
    const first = encodeBatch(next.slice(0, 2));
    const second = encodeBatch(next.slice(2));
    const dir = recordEndingWith(Buffer.concat([zeroFilled(first.data, { offset: 0, length: first.locations[0]!.offset }), second.data]));
    await expectRefused(dir, journalBefore.length);
  });
});

describe.skipIf(onPostgres())('the journal file', () => {
  const newFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ras-journal-'));
    dirs.push(dir);
    return join(dir, 'journal.jsonl');
  };
  const commit = (n: number) =>
    encodeLine({ commit: n, at: '2026-11-23T12:00:00.000Z', changes: [], decisions: [], finalBudgets: [], audit: [] }, {});
  const markers = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"batch":'))
      .map((line) => JSON.parse(line.split('\t')[0]!).batch);

  it('groups commits that arrive together into one batch behind one marker, and reads every commit back', async () => {
    const file = newFile();
    const journal = await Journal.open(file, 0);
    // The first append is written at once, alone; the 19 made while it is on its way go together.
    const locations = await Promise.all(
      Array.from({ length: 20 }, (_, i) => journal.append(commit(i + 1), { commit: i + 1, seq: i + 1, hash: '0'.repeat(64) })),
    );
    expect((await journal.read(locations[5]!)).toString('utf8')).toBe(commit(6).slice(0, -1));
    await journal.close();

    const bytes = (n: number) => Buffer.byteLength(commit(n));
    const nineteen = Array.from({ length: 19 }, (_, i) => bytes(i + 2)).reduce((a, b) => a + b);
    // The empty batch every opening begins with, then the two batches.
    expect(markers(file)).toEqual([
      { lines: 0, bytes: 0 },
      { lines: 1, bytes: bytes(1) },
      { lines: 19, bytes: nineteen },
    ]);
    const read: Array<{ commit: number; offset: number; length: number }> = [];
    const scan = await scanJournal(file, (line) => read.push({ commit: line.header.commit, offset: line.offset, length: line.length }));
    expect(scan).toEqual({ lines: 20, end: readFileSync(file).length, tornTail: null });
    expect(read).toEqual(locations.map((location, i) => ({ commit: i + 1, ...location })));
  });

  it('written before batches had markers, reads as it always did: only a damaged last line is a torn tail', async () => {
    const file = newFile();
    const lines = [commit(1), commit(2), commit(3)];
    writeFileSync(file, lines.join('').slice(0, -10));
    const length = Buffer.byteLength(lines[2]!) - 10;
    expect(await scanJournal(file)).toEqual({
      lines: 2,
      end: Buffer.byteLength(lines[0]! + lines[1]!),
      tornTail: { offset: Buffer.byteLength(lines[0]! + lines[1]!), bytes: length, why: 'an unfinished last line' },
    });

    // With no marker to say where a batch began, a damaged line with a whole one after it is damage.
    writeFileSync(file, `${lines[0]!}${'\0'.repeat(Buffer.byteLength(lines[1]!) - 1)}\n${lines[2]!}`);
    const refusal = await scanJournal(file).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(JournalCorruptError);
    expect((refusal as JournalCorruptError).offset).toBe(Buffer.byteLength(lines[0]!));
  });
});
