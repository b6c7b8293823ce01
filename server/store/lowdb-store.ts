/**
 * The embedded store: one data directory, one server process.
 *
 * Every commit is one line of the journal (journal.ts), on disk before it is acknowledged, so a commit
 * and its audit entries are kept or lost together, also through a crash or power loss. The collections
 * (policies, versions, users, sessions, cohorts) are held in memory and written after each commit as
 * JSON files a council can read and diff, through lowdb with atomic, fsynced writes; they are copies,
 * checked against the journal whenever the store opens. Decisions live in the journal only, with an
 * index in memory, so recording one costs the same however many are stored.
 */

import { chmod, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import type { CommitBody, CommitHeader } from './commit.js';
import { decisionRecord } from './commit-content.js';
import { type Checkpoint, type RecordPoint, signCheckpoint } from '../audit/checkpoint.js';
import type { AuditKey } from '../audit/signing-key.js';
import { JOURNAL_LOST, replayDataDir, type Trust, verifyDataDir } from './integrity.js';
import type { IntegrityProblem, IntegrityReport } from './integrity-report.js';
import { JsonFileAdapter, writeFileAtomically } from './json-file-adapter.js';
import { decodeBody, encodeLine, Journal, keepTornTail, type Location } from './journal.js';
import { type CollectionFile, collectionPath, documentPath, type HeadFile, headPath, JOURNAL_FILE, journalPath } from './layout.js';
import { upgradeLegacyDataDir } from './legacy-upgrade.js';
import {
  type AuditAnchor,
  type AuditEntry,
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type DecisionRecord,
  type DecisionSummary,
} from './records.js';
import { StoreCore, type AuditIndexEntry } from './store-core.js';
import type { AuditPage, AuditPageQuery, AuditQuery, DecisionPage, DecisionQuery, DocumentKind, Draft, Store } from './store.js';

type Row = Collections[CollectionName][number];

const FILES_EVERY_MS = 100;
const DAY_MS = 24 * 3600_000;
type State = { [K in CollectionName]: readonly Collections[K][number][] };

/** The store refuses to open: its journal is not the one it last wrote, or cannot be read. */
export class StoreIntegrityError extends Error {
  constructor(
    readonly dataDir: string,
    readonly problems: IntegrityProblem[],
  ) {
    super(
      `The data in ${dataDir} cannot be trusted, so the server will not start on it:\n` +
        problems.map((p) => `  - ${p.message}`).join('\n') +
        `\nRestore the data directory from a backup; 'ras audit verify --data-dir ${dataDir}' shows every problem.`,
    );
    this.name = 'StoreIntegrityError';
  }
}

export interface OpenOptions {
  /** The time of anything the store records by itself (a finding when it opens, an upgrade). */
  now?: () => string;
  /**
   * Runs the full check of a data directory (verifyDataDir). Reading and hashing the whole journal takes
   * a while on a large store; the server runs it in its work pool so no other request waits.
   */
  verifier?: (trust: Trust) => Promise<IntegrityReport>;
  /** Signs the record's checkpoints (head.json, the checkpoint entries, ratifications). */
  auditKey: AuditKey;
  /** Earlier audit keys (public), whose checkpoints are still trusted: a key replaced keeps its record checkable. */
  trustedKeys?: readonly string[];
}

export class LowdbStore implements Store {
  private verifier: (trust: Trust) => Promise<IntegrityReport> = (trust) => verifyDataDir(this.dataDir, trust);
  private readonly core: StoreCore;
  readonly trustedKeys: readonly string[];
  /** Where each commit's line is in the journal, by commit number (offsets and lengths apart, to stay compact). */
  private readonly lineOffsets: number[] = [];
  private readonly lineLengths: number[] = [];
  /** Commits whose lines are not yet on disk, by commit number: reads find them here meanwhile. */
  private readonly unwritten = new Map<number, { header: CommitHeader; body: CommitBody }>();
  /** Set when a write to disk failed: memory may then hold changes the disk lacks, so the store stops. */
  private failure: unknown = null;
  private readonly files: { [K in CollectionName]: Low<CollectionFile<Collections[K][number]>> };
  /** The last commit on disk, and each collection as of it: what the collection files and head.json may show. */
  private durable: { commit: number; head: AuditAnchor; state: State };
  private filesDirty = new Set<CollectionName>();
  private headDirty = false;
  /** The last failure to write a collection file (the journal still held every commit). */
  fileFailure: unknown = null;
  private filesWriting: Promise<void> | null = null;

  private constructor(
    private readonly dataDir: string,
    private journal: Journal,
    readonly wasEmpty: boolean,
    private readonly key: AuditKey,
    private readonly now: () => string,
    earlierKeys: readonly string[],
  ) {
    this.core = new StoreCore(key);
    this.trustedKeys = [key.publicKey, ...earlierKeys.filter((k) => k !== key.publicKey)];
    this.durable = { commit: 0, head: this.core.auditHead(), state: this.snapshot() };
    this.files = Object.fromEntries(
      COLLECTIONS.map((name) => [
        name,
        new Low(new JsonFileAdapter<CollectionFile<Row>>(collectionPath(dataDir, name)), { commit: 0, rows: [] }),
      ]),
    ) as unknown as LowdbStore['files'];
  }

  static async open(dataDir: string, options: OpenOptions): Promise<LowdbStore> {
    const now = options.now ?? (() => new Date().toISOString());
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await keepPrivate(dataDir);
    const upgraded = await upgradeLegacyDataDir(dataDir, now());
    const wasEmpty = !upgraded && !(await exists(journalPath(dataDir)));

    // The journal is read into a store with no journal yet, which is opened once the torn tail, if any, is set aside.
    const store = new LowdbStore(dataDir, undefined as unknown as Journal, wasEmpty, options.auditKey, now, options.trustedKeys ?? []);
    const replay = await replayDataDir(dataDir, {
      full: false,
      trust: { keys: store.trustedKeys, known: [] },
      onLine: ({ header, offset, length }) => {
        if (header.commit !== store.core.commit + 1) return; // a gap: the store will refuse to open
        store.core.apply(header);
        store.lineOffsets[header.commit] = offset;
        store.lineLengths[header.commit] = length;
      },
    });
    const lost = replay.problems.filter((p) => JOURNAL_LOST.has(p.code));
    if (lost.length > 0) throw new StoreIntegrityError(dataDir, lost);
    // A batch a crash cut short was never acknowledged: it is set aside, and recorded (a crash is no integrity finding).
    const torn = replay.tornTail && {
      keptAs: basename(await keepTornTail(journalPath(dataDir), replay.tornTail, replay.commits)),
      bytes: replay.tornTail.bytes,
      afterCommit: replay.commits,
    };
    // A new record's head.json and collection files exist before its journal does: one without them was tampered with.
    if (wasEmpty) await store.writeAllFiles();
    const at = { commit: store.core.commit, ...store.core.auditHead() };
    store.journal = await Journal.open(journalPath(dataDir), replay.end, { sign: (point) => store.signed(point), at });
    store.durable = { commit: store.core.commit, head: store.core.auditHead(), state: store.snapshot() };
    if (options.verifier) store.verifier = options.verifier;
    await store.removeOrphanDocuments();

    // A file beside the journal that differs from it, is missing, or (head.json) carries no checkpoint signed
    // with a trusted key was changed outside the service: it is set aside for whoever investigates, written
    // again from the journal, and the finding goes into the audit log, where verification reports it from then on.
    // A record from before checkpoints has none anywhere: its head is signed from now on, and that is recorded.
    const beforeCheckpoints = !replay.hasCheckpoints && !wasEmpty;
    const findings = replay.problems.filter(
      (p) =>
        !wasEmpty &&
        p.file !== undefined &&
        !JOURNAL_LOST.has(p.code) &&
        !(p.code === 'checkpoint_unsigned' && beforeCheckpoints) &&
        !(p.code === 'file_missing' && upgraded),
    );
    // The journal itself is the record: never set aside (what it holds is reported, and signed from here on).
    for (const file of new Set(findings.filter((p) => p.file !== JOURNAL_FILE).map((p) => join(dataDir, p.file!)))) {
      if (await exists(file)) await rename(file, `${file}.rejected-at-commit-${replay.commits}`);
    }
    const signingBegins = beforeCheckpoints && replay.problems.some((p) => p.code === 'checkpoint_unsigned');
    if (findings.length > 0 || upgraded || signingBegins) {
      const upgrade = { ...upgraded, ...(signingBegins ? { checkpointsFrom: replay.commits, auditKey: options.auditKey.publicKey } : {}) };
      await store.transact((draft) => {
        for (const problem of findings)
          draft.audit({
            at: now(),
            actor: 'system:store',
            action: 'store.integrity',
            target: `file:${problem.file}`,
            details: {
              finding: problem.message,
              ...(problem.code === 'file_missing' || problem.file === JOURNAL_FILE
                ? {}
                : { keptAs: `${problem.file}.rejected-at-commit-${replay.commits}` }),
            },
          });
        if (upgraded || signingBegins)
          draft.audit({ at: now(), actor: 'system:store', action: 'store.upgrade', target: 'store:journal', details: upgrade });
      });
    }
    // Recorded once any file found changed is set aside, so that what is set aside is what was found.
    if (torn)
      await store.transact((draft) =>
        draft.audit({ at: now(), actor: 'system:store', action: 'store.recovery', target: 'store:journal', details: torn }),
      );
    await store.writeAllFiles();
    return store;
  }

  private async writeAllFiles(): Promise<void> {
    for (const name of COLLECTIONS) this.filesDirty.add(name);
    this.headDirty = true;
    await this.writeFiles();
  }

  all<K extends CollectionName>(name: K): Readonly<Collections[K]> {
    return this.core.all(name);
  }

  auditHead(): AuditAnchor {
    return this.core.auditHead();
  }

  /** One process owns a data directory: what it holds in memory is always the latest. */
  async refresh(): Promise<void> {}

  async transact<T>(change: (draft: Draft) => T): Promise<T> {
    if (this.failure)
      throw new Error('the store stopped after a failed write; restart the server to reload from disk', { cause: this.failure });
    const { result, commit } = this.core.prepare(change);
    if (!commit) return result;
    const { header, body } = commit;
    const line = encodeLine(header, body);

    // Everything is checked and encoded: from here the commit is applied, first in memory, then on disk.
    this.core.apply(header);
    this.unwritten.set(header.commit, { header, body });
    const stateAfter = this.snapshot();
    const headAfter = this.core.auditHead();

    let location: Location;
    try {
      location = await this.journal.append(line, { commit: header.commit, ...headAfter });
    } catch (e) {
      this.failure = e;
      throw e;
    }
    this.lineOffsets[header.commit] = location.offset;
    this.lineLengths[header.commit] = location.length;
    this.unwritten.delete(header.commit);
    if (header.commit > this.durable.commit) this.durable = { commit: header.commit, head: headAfter, state: stateAfter };
    for (const change of header.changes) this.filesDirty.add(change.c);
    this.headDirty = true;
    this.scheduleFiles();
    return result;
  }

  decisionSummary(id: string): DecisionSummary | undefined {
    return this.core.decisionEntry(id)?.summary;
  }

  async decision(id: string): Promise<DecisionRecord | undefined> {
    const entry = this.core.decisionEntry(id);
    if (!entry) return undefined;
    const body = this.unwritten.get(entry.commit)?.body ?? decodeBody(await this.journal.read(this.lineOf(entry.commit)));
    const payload = body.decisions!.find((d) => d.id === id)!;
    return { ...decisionRecord(entry.summary, payload), revision: entry.summary.revision, finalBudget: entry.summary.finalBudget };
  }

  decisions(query: DecisionQuery): DecisionPage {
    return this.core.decisions(query);
  }

  async auditEntries(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return this.readAudit(this.core.auditMatching(query));
  }

  async auditPage(query: AuditPageQuery): Promise<AuditPage> {
    const { page, total } = this.core.auditPageIndex(query);
    return { entries: await this.readAudit(page), total };
  }

  /** The entries the index names, each read from its commit's header (each header once). */
  private async readAudit(index: readonly AuditIndexEntry[]): Promise<AuditEntry[]> {
    const headers = new Map<number, CommitHeader>();
    const entries: AuditEntry[] = [];
    for (const e of index) {
      let header = headers.get(e.commit) ?? this.unwritten.get(e.commit)?.header;
      if (!header) {
        header = await this.journal.readHeader(this.lineOf(e.commit));
        headers.set(e.commit, header);
      }
      entries.push(header.audit.find((a) => a.seq === e.seq)!);
    }
    return entries;
  }

  async verify(known: readonly Checkpoint[] = []): Promise<IntegrityReport> {
    await this.filesWriting;
    return this.verifier({ keys: this.trustedKeys, known });
  }

  checkpoint(): Checkpoint {
    const { commit, head } = this.durable;
    return this.signed({ commit, ...head });
  }

  /** A point of the record signed with the audit key now. */
  private signed(point: RecordPoint): Checkpoint {
    return signCheckpoint(this.key, point, this.now());
  }

  async putDocument(kind: DocumentKind, id: string, bytes: Uint8Array): Promise<void> {
    const file = documentFile(this.dataDir, kind, id);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomically(file, bytes);
  }

  async getDocument(kind: DocumentKind, id: string): Promise<Uint8Array | null> {
    try {
      return await readFile(documentFile(this.dataDir, kind, id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async deleteDocument(kind: DocumentKind, id: string): Promise<void> {
    await rm(documentFile(this.dataDir, kind, id), { force: true });
  }

  async close(): Promise<void> {
    await this.filesWriting;
    await this.journal.close();
  }

  private lineOf(commit: number): Location {
    return { offset: this.lineOffsets[commit]!, length: this.lineLengths[commit]! };
  }

  /** Each collection as it now is in memory (frozen arrays, shared until a commit changes them). */
  private snapshot(): State {
    return Object.fromEntries(COLLECTIONS.map((name) => [name, this.core.all(name)])) as unknown as State;
  }

  /**
   * The collection files are copies, rewritten whole: under a stream of commits they are written at most
   * every FILES_EVERY_MS, each time as of the latest commit on disk. A file that could not be written
   * stays marked and is written next time.
   */
  private scheduleFiles(): void {
    this.filesWriting ??= new Promise<void>((resolve) => setTimeout(resolve, FILES_EVERY_MS))
      .then(() => this.writeFiles())
      .catch((e) => {
        this.fileFailure = e;
      });
  }

  /** The collection files and head.json, as of the last commit on disk; never ahead of the journal. */
  private async writeFiles(): Promise<void> {
    try {
      while (this.filesDirty.size > 0 || this.headDirty) {
        const { commit, head, state } = this.durable;
        const names = [...this.filesDirty];
        this.filesDirty.clear();
        this.headDirty = false;
        await Promise.all(
          names.map((name) => {
            const low = this.files[name] as Low<CollectionFile<Row>>;
            low.data = { commit, rows: state[name] as Row[] };
            return low.write();
          }),
        );
        await new JsonFileAdapter<HeadFile>(headPath(this.dataDir)).write({
          commit,
          audit: head,
          checkpoint: this.signed({ commit, ...head }),
        });
      }
    } catch (e) {
      // The journal holds every commit; a collection file that could not be written is written again next time.
      for (const name of COLLECTIONS) this.filesDirty.add(name);
      this.headDirty = true;
      throw e;
    } finally {
      this.filesWriting = null;
    }
  }

  /**
   * A cohort's people written before its record was committed, by a request that then failed or was cut
   * short; and comparison job records over a day old.
   */
  private async removeOrphanDocuments(): Promise<void> {
    const cohorts = join(this.dataDir, 'cohorts');
    const known = new Set(this.core.all('cohorts').map((c) => c.id));
    for (const name of await readdir(cohorts).catch(() => [] as string[])) {
      const id = name.replace(/\.json$/, '');
      if (!known.has(id) || !name.endsWith('.json')) await rm(join(cohorts, name), { force: true });
    }
    const comparisons = join(this.dataDir, 'comparisons');
    for (const name of await readdir(comparisons).catch(() => [] as string[])) {
      const file = join(comparisons, name);
      if (Date.now() - (await stat(file)).mtimeMs > DAY_MS) await rm(file, { force: true });
    }
  }
}

/**
 * The data directory holds assessments of real people: only the service's own user may read it. Files
 * are created so; a directory made by an older release, or copied in, is made so on opening.
 */
async function keepPrivate(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await keepPrivate(path);
    else if (entry.isFile()) await chmod(path, 0o600);
  }
}

function documentFile(dataDir: string, kind: DocumentKind, id: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`'${id}' is not a document id`);
  return documentPath(dataDir, kind, id);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}
