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
import { type Checkpoint, isSigned } from '../audit/checkpoint.js';
import { recordedRuleBreaches } from '../domain/record-rules.js';
import { changesByTarget, digestsByTarget } from './commit-content.js';
import type { CommitBody, CommitHeader } from './commit.js';
import { decodeBody, type JournalLine, JournalCorruptError, scanJournal } from './journal.js';
import type { IntegrityCode, IntegrityProblem, IntegrityReport } from './integrity-report.js';
import { type CollectionFile, collectionPath, HEAD_FILE, type HeadFile, headPath, JOURNAL_FILE, journalPath } from './layout.js';
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
  /** What a full check reports (without the torn tail). */
  report: Omit<IntegrityReport, 'tornTail'>;
  /** Whether the record has ever carried a signed checkpoint (one from before checkpoints has none). */
  hasCheckpoints: boolean;
}

/**
 * What a check trusts that the record cannot vouch for itself: the public keys of the audit key (the
 * server's own, and earlier ones), and checkpoints kept outside the record (the minutes, published pages).
 */
export interface Trust {
  keys: readonly string[];
  known: readonly Checkpoint[];
}

export const NO_TRUST: Trust = { keys: [], known: [] };

export interface ReplayOptions {
  /** Every check: each entry's hash, each change's digest, every anchor and checkpoint, the lifecycle's rules. Otherwise only what opening needs. */
  full: boolean;
  trust: Trust;
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

export async function verifyDataDir(dir: string, trust: Trust): Promise<IntegrityReport> {
  const replay = await replayDataDir(dir, { full: true, trust });
  return {
    ...replay.report,
    ...(replay.tornTail ? { tornTail: { offset: replay.tornTail.offset, bytes: replay.tornTail.bytes } } : {}),
  };
}

export async function replayDataDir(dir: string, options: ReplayOptions): Promise<Replay> {
  // The files beside the journal are read first: each is written only after the commits it reflects are
  // in the journal, so none can be ahead of the journal read afterwards unless commits were lost.
  const head = await readJsonFile<HeadFile>(headPath(dir)).catch(() => 'unreadable' as const);
  const files = new Map<CollectionName, CollectionFile<Record<string, unknown>> | 'unreadable'>();
  const missing: string[] = head === undefined ? [HEAD_FILE] : [];
  for (const name of COLLECTIONS) {
    const file = await readJsonFile<CollectionFile<Record<string, unknown>>>(collectionPath(dir, name)).catch(() => 'unreadable' as const);
    if (file) files.set(name, file);
    else missing.push(`${name}.json`);
  }

  const record = new RecordCheck(
    options.full,
    options.trust,
    typeof head === 'object' ? { commit: head.commit, seq: head.audit.seq } : undefined,
  );
  compareFiles(0);
  let scan: Awaited<ReturnType<typeof scanJournal>>;
  try {
    scan = await scanJournal(
      journalPath(dir),
      (line, bytes) => {
        record.add(line.header, () => decodeBody(bytes));
        compareFiles(line.header.commit);
        options.onLine?.(line);
      },
      (marker) => record.batch(marker.checkpoint),
    );
  } catch (e) {
    if (!(e instanceof JournalCorruptError)) throw e;
    record.report({ code: 'journal_damaged', message: e.message });
    return { ...record.result(), end: 0, tornTail: null };
  }

  record.finish();
  record.checkJournalEnd(JOURNAL_FILE, typeof head === 'object' && head.checkpoint !== undefined);
  for (const file of missing)
    record.report({
      code: 'file_missing',
      file,
      message: `${file} is missing${file === HEAD_FILE ? `, so nothing beside the journal shows where the record ended${record.reachedAtLeast()}` : ''}: it was removed outside the service`,
    });
  if (head === 'unreadable')
    record.report({
      code: 'file_differs',
      file: HEAD_FILE,
      message: `${HEAD_FILE} is not a readable head file: it was changed outside the service`,
    });
  else if (head) {
    if (head.commit > record.commits)
      record.report({
        code: 'journal_truncated',
        commit: head.commit,
        message: `${JOURNAL_FILE} ends at commit ${record.commits}, but head.json records commit ${head.commit}: commits have been removed`,
      });
    else record.checkAnchor(head.audit, 'head.json');
    record.checkHead(head, HEAD_FILE);
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
 * change against the entry that vouches for it, each ratification's anchor into the chain, every signed
 * checkpoint (in the record, and those kept outside it) against the chain, and the lifecycle's rules
 * re-applied to every recorded transition. The rows are rebuilt along the way, for comparing with the
 * copies a store keeps beside its record.
 */
export class RecordCheck {
  readonly rows = emptyRows();
  readonly problems: IntegrityProblem[] = [];
  commits = 0;
  private previous: AuditAnchor = GENESIS;
  /** The hashes verification needs later: every one when checking in full, else just the one the head names. */
  private readonly hashes = new Map<number, string>([[0, GENESIS.hash]]);
  /** The chain's last entry after each commit, when checking in full. */
  private readonly seqAfter: number[] = [0];
  private readonly anchors = new Map<string, AuditAnchor>();
  /** Signed checkpoints the record carries, with where each was found. */
  private readonly checkpoints: Array<{ checkpoint: Checkpoint; holder: string }> = [];
  private lastSigned: Checkpoint | undefined;
  /** Keys a checkpoint's signature is checked against: the trusted keys, and those of checkpoints kept outside. */
  private readonly trustedKeys: ReadonlySet<string>;
  private versionsBefore: VersionRecord[] | null = null;
  private sawCheckpoint = false;
  /** The journal's last batch whose marker signs the record after it: the commit it ends at, and its checkpoint. */
  private lastSignedBatch: { afterCommit: number; checkpoint: Checkpoint } | null = null;

  constructor(
    private readonly full: boolean,
    private readonly trust: Trust,
    /** The point the head beside the record names: its hash and place are kept even when not checking in full. */
    private readonly named?: { commit: number; seq: number },
  ) {
    // The keys given are the council's; only where none is given do the kept checkpoints' own keys stand in for it.
    this.trustedKeys = new Set(trust.keys.length > 0 ? trust.keys : trust.known.filter(isSigned).map((c) => c.key));
  }

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
    if (header.checkpoint) {
      this.sawCheckpoint = true;
      if (this.full) this.checkpoints.push({ checkpoint: header.checkpoint, holder: `commit ${header.commit}` });
    }
    for (const entry of header.audit) this.link(entry);
    if (this.full) {
      const content = header.decisions.length > 0 ? body() : {};
      // Only a store's first commit can be an import (rows from before the journal, made before these
      // checks were recorded); the mark anywhere else would switch them off for a commit someone rewrote.
      const imported = header.import === true && header.commit === 1;
      if (header.import && !imported)
        this.report({
          code: 'change_unaudited',
          commit: header.commit,
          message: `commit ${header.commit} is marked as imported from before the journal, which only a store's first commit can be: it was written by someone outside the service`,
        });
      if (!imported) {
        this.checkCommit(header, content);
        this.checkRules(header, content);
      }
      this.checkSummaries(header, content, imported);
    }
    for (const change of header.changes) {
      if (change.c !== 'versions') continue;
      this.versionsBefore = null;
      const ratification = (change.row as VersionRecord | null)?.ratification;
      if (ratification?.auditAnchor)
        this.anchors.set(`${ratification.auditAnchor.seq} ${ratification.auditAnchor.hash}`, ratification.auditAnchor);
      const before = (this.rows.versions.get(change.k) as VersionRecord | undefined)?.ratification?.checkpoint;
      if (ratification?.checkpoint) this.sawCheckpoint = true;
      if (ratification?.checkpoint && ratification.checkpoint.sig !== before?.sig && this.full)
        this.checkpoints.push({ checkpoint: ratification.checkpoint, holder: `the ratification of ${change.k}` });
    }
    applyChanges(this.rows, header);
    if (this.full || header.commit === this.named?.commit) this.seqAfter[header.commit] = this.previous.seq;
  }

  /** A batch of the journal ends here; its marker signs the record after it (journals written with the audit key). */
  batch(checkpoint: Checkpoint | undefined): void {
    if (!checkpoint) return;
    this.lastSignedBatch = { afterCommit: this.commits, checkpoint };
    this.sawCheckpoint = true;
  }

  /**
   * The journal's end must be signed: its last batch's marker carries a checkpoint of the record after
   * it, made with the audit key. Commits after the last signed batch, or a journal whose batches carry no
   * checkpoint in a record signed elsewhere (`signedBeside`: its head), were written by someone without
   * the key: appended, or rewritten with a head rebuilt from an older checkpoint. A record from before
   * checkpoints has none anywhere, and is signed from its next opening on.
   */
  checkJournalEnd(file: string, signedBeside: boolean): void {
    const last = this.lastSignedBatch;
    if (last && last.afterCommit === this.commits) {
      this.checkCheckpoint(last.checkpoint, "the journal's last batch's checkpoint", file);
      return;
    }
    if (!this.sawCheckpoint && !signedBeside) return;
    this.report({
      code: 'checkpoint_unsigned',
      file,
      message: last
        ? `commits ${last.afterCommit + 1} to ${this.commits} follow the journal's last signed batch (which ends at commit ${last.afterCommit}): they were written by someone without the audit key`
        : `the journal's batches carry no signed checkpoint, though the record is signed elsewhere: the journal was written again by someone without the audit key`,
    });
  }

  /** After the last commit: every ratification's anchor and every checkpoint, when checking in full. */
  finish(): void {
    if (!this.full) return;
    for (const anchor of this.anchors.values()) this.checkAnchor(anchor, 'a ratification');
    for (const { checkpoint, holder } of this.checkpoints) this.checkCheckpoint(checkpoint, `${holder}'s checkpoint`);
    for (const known of this.trust.known) this.checkCheckpoint(known, 'a checkpoint kept outside the record');
  }

  get head(): AuditAnchor {
    return this.previous;
  }

  /** How far the record's own signed checkpoints prove it reached, in words (empty when none does). */
  reachedAtLeast(): string {
    const last = this.lastSigned;
    return last ? `; its last signed checkpoint shows it reached at least commit ${last.commit} (audit entry ${last.seq})` : '';
  }

  result(): Omit<Replay, 'end' | 'tornTail'> {
    return {
      rows: this.rows,
      commits: this.commits,
      head: this.previous,
      problems: this.problems,
      hasCheckpoints: this.sawCheckpoint,
      report: {
        ok: this.problems.length === 0,
        commits: this.commits,
        entries: this.previous.seq,
        head: this.previous,
        anchors: this.anchors.size,
        problems: this.problems,
        checkpoints: {
          inRecord: this.checkpoints.length,
          known: this.trust.known.length,
          trustedKeys: [...this.trustedKeys],
          ...(this.lastSigned ? { lastSigned: this.lastSigned } : {}),
        },
      },
    };
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

  /**
   * The head beside the record (head.json, the database's head row): it must carry a checkpoint of the
   * record's end signed with a trusted key, which nobody without the key can make for a record they changed.
   */
  checkHead(head: { commit: number; checkpoint?: Checkpoint | null }, holder: string): void {
    if (!head.checkpoint && head.commit === 0) return; // an empty record: nothing to vouch for
    if (!head.checkpoint) {
      this.report({
        code: 'checkpoint_unsigned',
        file: holder,
        message: `${holder} carries no signed checkpoint, so nothing signed shows where the record ended${this.reachedAtLeast()}`,
      });
      return;
    }
    if (head.checkpoint.commit !== head.commit)
      this.report({
        code: 'checkpoint_mismatch',
        file: holder,
        message: `${holder} records commit ${head.commit}, but its signed checkpoint is of commit ${head.checkpoint.commit}: it was changed outside the service`,
      });
    this.checkCheckpoint(head.checkpoint, `${holder}'s checkpoint`, holder);
  }

  /** A signed checkpoint: signed by a trusted key, and within the record at the head it names. */
  /** `what` names the checkpoint ("head.json's checkpoint", "a checkpoint kept outside the record"). */
  private checkCheckpoint(checkpoint: Checkpoint, what: string, file?: string): void {
    const report = (problem: IntegrityProblem) => this.report(file ? { ...problem, file } : problem);
    const where = `${what} (commit ${checkpoint.commit}, audit entry ${checkpoint.seq}, signed ${checkpoint.at})`;
    if (!isSigned(checkpoint)) {
      report({
        code: 'signature_invalid',
        seq: checkpoint.seq,
        message: `${where} does not carry the signature of the key it names: it was made or changed by someone without the audit key`,
      });
      return;
    }
    if (this.trustedKeys.size > 0 && !this.trustedKeys.has(checkpoint.key)) {
      report({
        code: 'key_unknown',
        seq: checkpoint.seq,
        message: `${where} is signed by key ${checkpoint.key}, which is not the council's audit key (${[...this.trustedKeys].join(', ')}): it was made by someone else`,
      });
      return;
    }
    if (checkpoint.commit > this.commits || checkpoint.seq > this.previous.seq) {
      report({
        code: 'checkpoint_not_in_record',
        seq: checkpoint.seq,
        commit: checkpoint.commit,
        message: `${where} is not in this record, which ends at commit ${this.commits} (audit entry ${this.previous.seq}): commits have been removed since`,
      });
      return;
    }
    // The record's end is known whether or not every hash was kept.
    const seqThere = checkpoint.commit === this.commits ? this.previous.seq : this.seqAfter[checkpoint.commit];
    const hashThere = checkpoint.seq === this.previous.seq ? this.previous.hash : this.hashes.get(checkpoint.seq);
    if (hashThere !== checkpoint.hash || seqThere !== checkpoint.seq) {
      report({
        code: 'checkpoint_mismatch',
        seq: checkpoint.seq,
        commit: checkpoint.commit,
        message: `${where} does not match this record, which holds ${seqThere === checkpoint.seq ? `another hash at entry ${checkpoint.seq}` : `entry ${seqThere} after commit ${checkpoint.commit}`}: the record has been rewritten since`,
      });
      return;
    }
    if (!this.lastSigned || checkpoint.commit > this.lastSigned.commit) this.lastSigned = checkpoint;
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
    if (this.full || entry.seq === this.named?.seq) this.hashes.set(entry.seq, entry.hash);
    this.previous = { seq: entry.seq, hash: entry.hash };
  }

  /** The lifecycle's rules, re-applied to what this commit recorded, against the record as it stood before it. */
  private checkRules(header: CommitHeader, body: CommitBody): void {
    this.versionsBefore ??= [...this.rows.versions.values()];
    const versionsBefore = this.rows.versions;
    const assessments = new Map((body.decisions ?? []).map((d) => [d.id, d.assessment as { assessmentDate?: unknown } | null]));
    const breaches = recordedRuleBreaches({
      versionsBefore: this.versionsBefore,
      versions: header.changes
        .filter((c) => c.c === 'versions')
        .map((c) => ({ before: versionsBefore.get(c.k) as VersionRecord | undefined, after: c.row as VersionRecord | null })),
      audit: header.audit,
      decisions: header.decisions.map((d) => ({ ...d, assessmentDate: assessments.get(d.id)?.assessmentDate })),
    });
    for (const breach of breaches)
      this.report({ code: 'rule_broken', commit: header.commit, message: `commit ${header.commit}: ${breach}` });
  }

  /**
   * A decision's summary in the header is what lists show without reading the decision: its amount and
   * flags are the result's, and it is recorded with no final budget (one is set only by a later change,
   * which an entry vouches for). The digest covers the result, so a summary saying otherwise was changed.
   */
  private checkSummaries(header: CommitHeader, body: CommitBody, imported: boolean): void {
    const results = new Map(
      (body.decisions ?? []).map((d) => [d.id, d.result as { weeklyPence?: unknown; flags?: Array<{ code: unknown }> }]),
    );
    const references = new Map(
      (body.decisions ?? []).map((d) => [d.id, (d.assessment as { reference?: unknown } | null)?.reference ?? null]),
    );
    for (const summary of header.decisions) {
      const result = results.get(summary.id);
      const flags = result?.flags?.map((f) => f.code) ?? [];
      if (
        result &&
        (summary.weeklyPence ?? null) === (result.weeklyPence ?? null) &&
        JSON.stringify(summary.flags) === JSON.stringify(flags) &&
        (!('reference' in summary) || summary.reference === references.get(summary.id)) &&
        (summary.finalBudget === null || imported)
      )
        continue;
      this.report({
        code: 'digest_mismatch',
        commit: header.commit,
        message: `commit ${header.commit} lists decision ${summary.id} ${summary.finalBudget !== null ? 'with a final budget it was not recorded with' : 'with an amount, flags or reference other than its recorded decision'}: it was changed outside the service`,
      });
    }
  }

  private checkCommit(header: CommitHeader, body: CommitBody): void {
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
