/**
 * Reading a data directory's whole record from disk: the journal replayed commit by commit, and the
 * files beside it (head.json, the collection files) compared with what the journal says. The store does
 * this when it opens; verification does it with every check turned on (the audit chain link by link,
 * each change against the entry that vouches for it, each ratification's anchor into the chain). The
 * server's GET /api/audit/verify and `ras audit verify` both run verifyDataDir, so they always agree.
 */

import { readFile } from 'node:fs/promises';
import canonicalize from 'canonicalize';
import { EVENT_ONLY_ACTIONS, entryHash, GENESIS } from '../audit/chain.js';
import { changesByTarget, digestsByTarget } from './commit-content.js';
import type { CommitBody, CommitHeader } from './commit.js';
import { decodeBody, type JournalLine, JournalCorruptError, scanJournal } from './journal.js';
import type { IntegrityCode, IntegrityProblem, IntegrityReport } from './integrity-report.js';
import { type CollectionFile, collectionPath, type HeadFile, headPath, JOURNAL_FILE, journalPath } from './layout.js';
import {
  type AuditAnchor,
  type AuditEntry,
  COLLECTIONS,
  type CollectionName,
  type Collections,
  keyOf,
  type VersionRecord,
} from './records.js';
import { applyChanges, emptyRows, type Rows } from './replay.js';

export interface Replay {
  rows: Rows;
  commits: number;
  head: AuditAnchor;
  /** Where the journal's whole lines end. */
  end: number;
  tornTail: { offset: number; bytes: number; why: string } | null;
  problems: IntegrityProblem[];
  anchors: number;
}

export interface ReplayOptions {
  /** Every check: each entry's hash, each change's digest, every anchor. Otherwise only what opening needs. */
  full: boolean;
  /** Called for each line, in order, after its changes are applied. */
  onLine?: (line: JournalLine) => void;
}

const MAX_PROBLEMS = 100;
/** Problems that mean the journal is not the one the server last wrote: the store will not open on it. */
export const JOURNAL_LOST: ReadonlySet<IntegrityCode> = new Set([
  'journal_damaged',
  'commit_missing',
  'journal_truncated',
  'anchor_mismatch',
]);

export async function verifyDataDir(dir: string): Promise<IntegrityReport> {
  const replay = await replayDataDir(dir, { full: true });
  return {
    ok: replay.problems.length === 0,
    commits: replay.commits,
    entries: replay.head.seq,
    head: replay.head,
    anchors: replay.anchors,
    problems: replay.problems,
    ...(replay.tornTail ? { tornTail: { offset: replay.tornTail.offset, bytes: replay.tornTail.bytes } } : {}),
  };
}

export async function replayDataDir(dir: string, options: ReplayOptions): Promise<Replay> {
  // The files beside the journal are read first: each is written only after the commits it reflects are
  // in the journal, so none can be ahead of the journal read afterwards unless commits were lost.
  const head = await readJsonFile<HeadFile>(headPath(dir));
  const files = new Map<CollectionName, CollectionFile<Record<string, unknown>> | 'unreadable'>();
  for (const name of COLLECTIONS) {
    const file = await readJsonFile<CollectionFile<Record<string, unknown>>>(collectionPath(dir, name)).catch(() => 'unreadable' as const);
    if (file) files.set(name, file);
  }

  const record = new RecordCheck(options.full, head?.audit.seq);
  compareFiles(0);
  let scan: Awaited<ReturnType<typeof scanJournal>>;
  try {
    scan = await scanJournal(journalPath(dir), (line, bytes) => {
      record.add(line.header, () => decodeBody(bytes));
      compareFiles(line.header.commit);
      options.onLine?.(line);
    });
  } catch (e) {
    if (!(e instanceof JournalCorruptError)) throw e;
    record.report({ code: 'journal_damaged', message: e.message });
    return { ...record.result(), end: 0, tornTail: null };
  }

  record.finish();
  if (head) {
    if (head.commit > record.commits)
      record.report({
        code: 'journal_truncated',
        commit: head.commit,
        message: `${JOURNAL_FILE} ends at commit ${record.commits}, but head.json records commit ${head.commit}: commits have been removed`,
      });
    else record.checkAnchor(head.audit, 'head.json');
  }
  for (const [name, file] of files) {
    if (file !== 'unreadable' && file.commit > record.commits)
      record.report({
        code: 'journal_truncated',
        file: `${name}.json`,
        message: `${name}.json was written at commit ${file.commit}, but ${JOURNAL_FILE} ends at commit ${record.commits}: commits have been removed`,
      });
  }
  return { ...record.result(), end: scan.end, tornTail: scan.tornTail };

  /** Each collection file against the journal's rows as of the commit it was written at. */
  function compareFiles(commit: number): void {
    for (const [name, file] of files) {
      if (file === 'unreadable') {
        if (commit === 0)
          record.report({ code: 'file_differs', file: `${name}.json`, message: `${name}.json is not a readable collection file` });
        continue;
      }
      if (file.commit !== commit) continue;
      const differing = differingKeys(name, record.rows, file.rows);
      if (differing.length > 0)
        record.report({
          code: 'file_differs',
          file: `${name}.json`,
          commit,
          message: `${name}.json differs from the journal at commit ${commit} (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}): it was changed outside the service, with no audit entry`,
        });
    }
  }
}

/**
 * The record read commit by commit, whatever holds it (a journal file, PostgreSQL): commits numbered
 * without a gap, the audit chain link by link, and with every check on (`full`) each entry's hash, each
 * change against the entry that vouches for it, and each ratification's anchor into the chain. The rows
 * are rebuilt along the way, for comparing with the copies a store keeps beside its record.
 */
export class RecordCheck {
  readonly rows = emptyRows();
  readonly problems: IntegrityProblem[] = [];
  commits = 0;
  private previous: AuditAnchor = GENESIS;
  /** The hashes verification needs later: every one when checking in full, else just the one the head names. */
  private readonly hashes = new Map<number, string>([[0, GENESIS.hash]]);
  private readonly anchors = new Map<string, AuditAnchor>();

  constructor(
    private readonly full: boolean,
    private readonly headSeq?: number,
  ) {}

  report(problem: IntegrityProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }

  /** The next commit; its body is read only when a full check needs it. */
  add(header: CommitHeader, body: () => CommitBody): void {
    if (header.commit !== this.commits + 1)
      this.report({
        code: 'commit_missing',
        commit: header.commit,
        message: `commit ${this.commits + 1} is missing: the record goes from commit ${this.commits} to ${header.commit}`,
      });
    this.commits = header.commit;
    for (const entry of header.audit) this.link(entry);
    if (this.full) this.checkCommit(header, header.decisions.length > 0 ? body() : {});
    applyChanges(this.rows, header);
    for (const change of header.changes) {
      const anchor = change.c === 'versions' ? (change.row as VersionRecord | null)?.ratification?.auditAnchor : undefined;
      if (anchor) this.anchors.set(`${anchor.seq} ${anchor.hash}`, anchor);
    }
  }

  /** After the last commit: every ratification's anchor, when checking in full. */
  finish(): void {
    if (this.full) for (const anchor of this.anchors.values()) this.checkAnchor(anchor, 'a ratification');
  }

  get head(): AuditAnchor {
    return this.previous;
  }

  result(): Omit<Replay, 'end' | 'tornTail'> {
    return { rows: this.rows, commits: this.commits, head: this.previous, problems: this.problems, anchors: this.anchors.size };
  }

  checkAnchor(anchor: AuditAnchor, holder: string): void {
    if (anchor.seq > this.previous.seq)
      this.report({
        code: 'journal_truncated',
        seq: anchor.seq,
        message: `${holder} is anchored at audit entry ${anchor.seq}, but the chain ends at entry ${this.previous.seq}: entries have been removed`,
      });
    else if (this.hashes.get(anchor.seq) !== anchor.hash)
      this.report({
        code: 'anchor_mismatch',
        seq: anchor.seq,
        message: `${holder} is anchored at audit entry ${anchor.seq} with hash ${anchor.hash}, but the chain there has ${this.hashes.get(anchor.seq)}: the chain has been rewritten`,
      });
  }

  private link(entry: AuditEntry): void {
    if (entry.action === 'store.integrity')
      this.report({ code: 'recorded_finding', seq: entry.seq, message: `recorded on ${entry.at}: ${String(entry.details.finding)}` });
    const previous = this.previous;
    const broken =
      entry.seq !== previous.seq + 1
        ? `entry ${previous.seq + 1} is missing: the next entry has sequence number ${entry.seq}`
        : entry.prevHash !== previous.hash
          ? `entry ${entry.seq} does not follow entry ${previous.seq}: its prevHash differs`
          : this.full && entryHash(withoutHash(entry)) !== entry.hash
            ? `entry ${entry.seq} has been changed: its content no longer matches its hash`
            : null;
    if (broken) this.report({ code: 'chain_broken', seq: entry.seq, message: broken });
    if (this.full || entry.seq === this.headSeq) this.hashes.set(entry.seq, entry.hash);
    this.previous = { seq: entry.seq, hash: entry.hash };
  }

  private checkCommit(header: CommitHeader, body: CommitBody): void {
    if (header.import) return;
    const digests = digestsByTarget(changesByTarget(header, body));
    const vouched = new Set<string>();
    for (const entry of header.audit) {
      if (entry.digest === undefined) {
        vouched.add(entry.target); // written before entries carried digests
        continue;
      }
      if (EVENT_ONLY_ACTIONS.has(entry.action)) continue;
      const digest = digests.get(entry.target);
      if (digest === undefined)
        this.report({
          code: 'entry_without_change',
          seq: entry.seq,
          commit: header.commit,
          message: `audit entry ${entry.seq} (${entry.action} of ${entry.target}) vouches for a change that commit ${header.commit} does not make`,
        });
      else if (entry.digest !== digest)
        this.report({
          code: 'digest_mismatch',
          seq: entry.seq,
          commit: header.commit,
          message: `the change commit ${header.commit} records for ${entry.target} is not the one audit entry ${entry.seq} vouches for`,
        });
      vouched.add(entry.target);
    }
    for (const target of digests.keys()) {
      if (!vouched.has(target))
        this.report({
          code: 'change_unaudited',
          commit: header.commit,
          message: `commit ${header.commit} changes ${target} with no audit entry for it`,
        });
    }
  }
}

function withoutHash(entry: AuditEntry): Omit<AuditEntry, 'hash'> {
  const { hash: _hash, ...body } = entry;
  return body;
}

/** The keys of the rows a copy of a collection holds differently from the record (or lacks, or adds). */
export function differingKeys(name: CollectionName, rows: Rows, copy: unknown): string[] {
  const expected = rows[name] as Map<string, unknown>;
  const seen = new Set<string>();
  const differing: string[] = [];
  for (const row of Array.isArray(copy) ? copy : []) {
    const key = keyOf(name, row as unknown as Collections[CollectionName][number]);
    seen.add(key);
    if (!expected.has(key) || canonicalize(expected.get(key)) !== canonicalize(row)) differing.push(key);
  }
  for (const key of expected.keys()) if (!seen.has(key)) differing.push(key);
  return differing;
}

async function readJsonFile<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
