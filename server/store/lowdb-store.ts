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
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { type AuditEvent, chainEntry, EVENT_ONLY_ACTIONS } from '../audit.js';
import { changesByTarget, decisionRecord, digestsByTarget } from './commit-content.js';
import { type IntegrityProblem, type IntegrityReport, JOURNAL_LOST, replayDataDir, verifyDataDir } from './integrity.js';
import { JsonFileAdapter, writeFileAtomically } from './json-file-adapter.js';
import {
  type Change,
  type CommitBody,
  type CommitHeader,
  decodeBody,
  encodeLine,
  type FinalBudgetChange,
  Journal,
  keepTornTail,
  type Location,
} from './journal.js';
import { type CollectionFile, collectionPath, type HeadFile, headPath, journalPath } from './layout.js';
import { upgradeLegacyDataDir } from './legacy-upgrade.js';
import {
  type AuditAnchor,
  type AuditEntry,
  auditTargetOf,
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type DecisionRecord,
  type DecisionSummary,
  type FinalBudget,
  keyOf,
} from './records.js';
import type { AuditQuery, DecisionQuery, DocumentKind, Draft, Store } from './store.js';

type Row = Collections[CollectionName][number];

const FILES_EVERY_MS = 100;
type State = { [K in CollectionName]: readonly Collections[K][number][] };

/** What the store keeps in memory of each decision: a summary, and where its line is in the journal. */
interface DecisionEntry {
  summary: DecisionSummary;
  commit: number;
  /** The line's offset in the journal; -1 until its commit is on disk. */
  offset: number;
  length: number;
}

/** What the store keeps in memory of each audit entry: enough to filter, and where its line is. */
interface AuditIndexEntry {
  seq: number;
  action: string;
  actor: string;
  target: string;
  commit: number;
  offset: number;
  length: number;
}

/**
 * The same few strings (actors, actions, versions, content hashes) recur in every decision and audit
 * entry; keeping one copy of each keeps the memory a stored decision costs small.
 */
class Strings {
  private readonly known = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  one(value: string): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    this.known.set(value, value);
    return value;
  }

  list(values: readonly string[]): readonly string[] {
    const key = values.join('\u0000');
    let known = this.lists.get(key);
    if (!known) {
      known = Object.freeze(values.map((v) => this.one(v)));
      this.lists.set(key, known);
    }
    return known;
  }
}

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
  verifier?: (dataDir: string) => Promise<IntegrityReport>;
}

export class LowdbStore implements Store {
  private verifier: (dataDir: string) => Promise<IntegrityReport> = verifyDataDir;
  private state: State;
  private commitNumber: number;
  private head: AuditAnchor;
  private readonly decisionIndex = new Map<string, DecisionEntry>();
  private readonly decisionsInOrder: DecisionEntry[] = [];
  private readonly auditIndex: AuditIndexEntry[] = [];
  private readonly strings: Strings;
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
    private readonly journal: Journal,
    readonly wasEmpty: boolean,
    replayed: { state: State; commits: number; head: AuditAnchor },
    strings: Strings,
  ) {
    this.strings = strings;
    this.state = replayed.state;
    this.commitNumber = replayed.commits;
    this.head = replayed.head;
    this.durable = { commit: replayed.commits, head: replayed.head, state: replayed.state };
    this.files = Object.fromEntries(
      COLLECTIONS.map((name) => [
        name,
        new Low(new JsonFileAdapter<CollectionFile<Row>>(collectionPath(dataDir, name)), { commit: 0, rows: [] }),
      ]),
    ) as unknown as LowdbStore['files'];
  }

  static async open(dataDir: string, options: OpenOptions = {}): Promise<LowdbStore> {
    const now = options.now ?? (() => new Date().toISOString());
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await keepPrivate(dataDir);
    const upgraded = await upgradeLegacyDataDir(dataDir, now());
    const wasEmpty = !upgraded && !(await exists(journalPath(dataDir)));

    const decisions: DecisionEntry[] = [];
    const finalBudgets: FinalBudgetChange[] = [];
    const audit: AuditIndexEntry[] = [];
    const strings = new Strings();
    const replay = await replayDataDir(dataDir, {
      full: false,
      onLine: ({ header, offset, length }) => {
        for (const summary of header.decisions)
          decisions.push({ summary: compactSummary(summary, strings), commit: header.commit, offset, length });
        finalBudgets.push(...header.finalBudgets);
        for (const e of header.audit) audit.push(indexEntry(e, header.commit, offset, length, strings));
      },
    });
    const lost = replay.problems.filter((p) => JOURNAL_LOST.has(p.code));
    if (lost.length > 0) throw new StoreIntegrityError(dataDir, lost);

    const state = Object.fromEntries(COLLECTIONS.map((name) => [name, deepFreeze([...replay.rows[name].values()])])) as unknown as State;
    if (replay.tornTail) await keepTornTail(journalPath(dataDir), replay.tornTail, replay.commits);
    const journal = await Journal.open(journalPath(dataDir), replay.end);
    const store = new LowdbStore(dataDir, journal, wasEmpty, { state, commits: replay.commits, head: replay.head }, strings);
    store.verifier = options.verifier ?? verifyDataDir;
    for (const d of decisions) store.indexDecision(d);
    for (const b of finalBudgets) store.applyFinalBudget(b);
    for (const e of audit) store.auditIndex.push(e);
    await store.removeOrphanDocuments();

    // A collection file that differs from the journal was changed outside the service: it is set aside for
    // whoever investigates, written again from the journal, and the finding goes into the audit log.
    const differing = replay.problems.filter((p) => p.code === 'file_differs');
    for (const problem of differing) {
      const file = join(dataDir, problem.file!);
      if (await exists(file)) await rename(file, `${file}.rejected-at-commit-${replay.commits}`);
    }
    if (differing.length > 0 || upgraded) {
      await store.transact((draft) => {
        for (const problem of differing)
          draft.audit({
            at: now(),
            actor: 'system:store',
            action: 'store.integrity',
            target: `file:${problem.file}`,
            details: { finding: problem.message, keptAs: `${problem.file}.rejected-at-commit-${replay.commits}` },
          });
        if (upgraded)
          draft.audit({ at: now(), actor: 'system:store', action: 'store.upgrade', target: 'store:journal', details: { ...upgraded } });
      });
    }
    for (const name of COLLECTIONS) store.filesDirty.add(name);
    store.headDirty = true;
    await store.writeFiles();
    return store;
  }

  all<K extends CollectionName>(name: K): Readonly<Collections[K]> {
    return this.state[name] as unknown as Readonly<Collections[K]>;
  }

  auditHead(): AuditAnchor {
    return this.head;
  }

  async transact<T>(change: (draft: Draft) => T): Promise<T> {
    if (this.failure)
      throw new Error('the store stopped after a failed write; restart the server to reload from disk', { cause: this.failure });
    const revision = this.commitNumber + 1;
    const copies = new Map<CollectionName, Row[]>();
    const events: AuditEvent[] = [];
    const newDecisions: DecisionRecord[] = [];
    const budgets = new Map<string, FinalBudgetChange>();
    const draft: Draft = {
      revision,
      auditHead: this.head,
      rows: <K extends CollectionName>(name: K) => {
        if (!copies.has(name)) copies.set(name, [...this.state[name]]);
        return copies.get(name) as Collections[K];
      },
      audit: (event) => {
        events.push(event);
      },
      addDecision: (decision) => {
        if (decision.revision !== revision)
          throw new Error(`decision ${decision.id} has revision ${decision.revision}, not this commit's ${revision}`);
        if (this.decisionIndex.has(decision.id) || newDecisions.some((d) => d.id === decision.id))
          throw new Error(`decision ${decision.id} exists`);
        newDecisions.push(decision);
      },
      decision: (id) => {
        const budget = budgets.get(id);
        const summary = this.decisionIndex.get(id)?.summary;
        return summary && budget ? { ...summary, revision: budget.revision, finalBudget: budget.finalBudget } : summary;
      },
      setFinalBudget: (id, finalBudget: FinalBudget) => {
        const summary = this.decisionIndex.get(id)?.summary;
        if (!summary) throw new Error(`no decision ${id}`);
        budgets.set(id, { id, revision, finalBudget });
        return { ...summary, revision, finalBudget };
      },
    };
    const result = change(draft);
    if (result instanceof Promise) throw new Error('a store transaction must be synchronous');

    const changes = this.changesOf(copies, revision);
    if (changes.length === 0 && newDecisions.length === 0 && budgets.size === 0 && events.length === 0) return result;
    const at = events[0]?.at ?? new Date(0).toISOString();
    const partial = {
      commit: revision,
      at,
      changes,
      decisions: newDecisions.map(summaryOf),
      finalBudgets: [...budgets.values()],
    };
    const body: CommitBody =
      newDecisions.length > 0 ? { decisions: newDecisions.map((d) => ({ id: d.id, assessment: d.assessment, result: d.result })) } : {};
    const audit = this.chain(events, partial, body);
    const header: CommitHeader = { ...partial, audit };
    const line = encodeLine(header, body);

    // Everything is checked and encoded: from here the commit is applied, first in memory, then on disk.
    for (const [name, rows] of copies) (this.state as Record<CollectionName, readonly Row[]>)[name] = deepFreeze(rows);
    for (const summary of header.decisions)
      this.indexDecision({ summary: compactSummary(summary, this.strings), commit: revision, offset: -1, length: 0 });
    for (const budget of header.finalBudgets) this.applyFinalBudget(budget);
    for (const e of audit) this.auditIndex.push(indexEntry(e, revision, -1, 0, this.strings));
    this.head = audit.length > 0 ? { seq: audit.at(-1)!.seq, hash: audit.at(-1)!.hash } : this.head;
    this.commitNumber = revision;
    this.unwritten.set(revision, { header, body });
    const stateAfter = { ...this.state };
    const headAfter = this.head;

    let location: Location;
    try {
      location = await this.journal.append(line);
    } catch (e) {
      this.failure = e;
      throw e;
    }
    this.unwritten.delete(revision);
    for (const summary of header.decisions) Object.assign(this.decisionIndex.get(summary.id)!, location);
    for (let i = this.auditIndex.length - 1; i >= 0 && this.auditIndex[i]!.commit >= revision; i--) {
      if (this.auditIndex[i]!.commit === revision) Object.assign(this.auditIndex[i]!, location);
    }
    if (revision > this.durable.commit) this.durable = { commit: revision, head: headAfter, state: stateAfter };
    for (const name of copies.keys()) this.filesDirty.add(name);
    this.headDirty = true;
    this.scheduleFiles();
    return result;
  }

  decisionSummary(id: string): DecisionSummary | undefined {
    return this.decisionIndex.get(id)?.summary;
  }

  async decision(id: string): Promise<DecisionRecord | undefined> {
    const entry = this.decisionIndex.get(id);
    if (!entry) return undefined;
    const body = this.unwritten.get(entry.commit)?.body ?? decodeBody(await this.journal.read(entry));
    const payload = body.decisions!.find((d) => d.id === id)!;
    return { ...decisionRecord(entry.summary, payload), revision: entry.summary.revision, finalBudget: entry.summary.finalBudget };
  }

  decisions(query: DecisionQuery): DecisionSummary[] {
    const out: DecisionSummary[] = [];
    for (let i = this.decisionsInOrder.length - 1; i >= 0 && out.length < query.limit; i--) {
      const { summary } = this.decisionsInOrder[i]!;
      if (
        (query.policyId === undefined || summary.policyId === query.policyId) &&
        (query.createdBy === undefined || summary.createdBy === query.createdBy)
      )
        out.push(summary);
    }
    return out;
  }

  async auditEntries(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const wanted = this.auditIndex.filter(
      (e) =>
        (query.target === undefined || e.target === query.target) &&
        (query.actor === undefined || e.actor === query.actor) &&
        (query.action === undefined || e.action === query.action),
    );
    const headers = new Map<number, CommitHeader>();
    const entries: AuditEntry[] = [];
    for (const e of wanted) {
      let header = headers.get(e.commit) ?? this.unwritten.get(e.commit)?.header;
      if (!header) {
        header = await this.journal.readHeader(e);
        headers.set(e.commit, header);
      }
      entries.push(header.audit.find((a) => a.seq === e.seq)!);
    }
    return entries;
  }

  async verify(): Promise<IntegrityReport> {
    await this.filesWriting;
    return this.verifier(this.dataDir);
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

  /** Rows the draft added, replaced or removed, each with the target that must vouch for it. */
  private changesOf(copies: Map<CollectionName, Row[]>, revision: number): Change[] {
    const changes: Change[] = [];
    for (const [name, rows] of copies) {
      const before = this.state[name] as readonly Row[];
      const old = new Map(before.map((row) => [keyOf(name, row), row]));
      const seen = new Set<string>();
      for (const row of rows) {
        const key = keyOf(name, row);
        if (seen.has(key)) throw new Error(`${name} would hold two rows with the key ${key}`);
        seen.add(key);
        if (old.get(key) === row) continue;
        if ('revision' in row && row.revision !== revision)
          throw new Error(`${name} ${key} is written with revision ${row.revision}, not this commit's ${revision}`);
        changes.push({ c: name, k: key, t: auditTargetOf(name, row), row: row as unknown as Record<string, unknown> });
      }
      for (const [key, row] of old) if (!seen.has(key)) changes.push({ c: name, k: key, t: auditTargetOf(name, row), row: null });
    }
    return changes;
  }

  /** The commit's audit entries, chained after the head, each with the digest of the changes it vouches for. */
  private chain(events: readonly AuditEvent[], header: Omit<CommitHeader, 'audit'>, body: CommitBody): AuditEntry[] {
    const digests = digestsByTarget(changesByTarget(header, body));
    for (const target of digests.keys()) {
      if (!events.some((e) => e.target === target)) throw new Error(`a commit changes ${target} without an audit entry for it`);
    }
    let previous = this.head;
    return events.map((event) => {
      const digest = EVENT_ONLY_ACTIONS.has(event.action) ? null : (digests.get(event.target) ?? null);
      if (digest === null && !EVENT_ONLY_ACTIONS.has(event.action))
        throw new Error(`audit entry ${event.action} of ${event.target} vouches for a change the commit does not make`);
      const entry = chainEntry(previous, event, digest);
      previous = { seq: entry.seq, hash: entry.hash };
      return entry;
    });
  }

  private indexDecision(entry: DecisionEntry): void {
    this.decisionIndex.set(entry.summary.id, entry);
    this.decisionsInOrder.push(entry);
  }

  private applyFinalBudget(budget: FinalBudgetChange): void {
    const entry = this.decisionIndex.get(budget.id);
    if (entry) entry.summary = Object.freeze({ ...entry.summary, revision: budget.revision, finalBudget: deepFreeze(budget.finalBudget) });
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
        await new JsonFileAdapter<HeadFile>(headPath(this.dataDir)).write({ commit, audit: head });
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

  /** A cohort's people written before its record was committed, by a request that then failed or was cut short. */
  private async removeOrphanDocuments(): Promise<void> {
    const dir = join(this.dataDir, 'cohorts');
    const known = new Set(this.state.cohorts.map((c) => c.id));
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.replace(/\.json$/, '');
      if (!known.has(id) || !name.endsWith('.json')) await rm(join(dir, name), { force: true });
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

/** A decision's summary with one copy of each recurring string. */
function compactSummary(summary: DecisionSummary, strings: Strings): DecisionSummary {
  return Object.freeze({
    ...summary,
    createdBy: strings.one(summary.createdBy),
    policyId: strings.one(summary.policyId),
    version: strings.one(summary.version),
    contentHash: strings.one(summary.contentHash),
    asOf: summary.asOf === null ? null : strings.one(summary.asOf),
    flags: strings.list(summary.flags) as string[],
    finalBudget: summary.finalBudget === null ? null : deepFreeze(summary.finalBudget),
  });
}

function indexEntry(entry: AuditEntry, commit: number, offset: number, length: number, strings: Strings): AuditIndexEntry {
  // A decision's target names that decision alone; the others recur (a version, a user).
  const target = entry.target.startsWith('decision:') ? entry.target : strings.one(entry.target);
  return { seq: entry.seq, action: strings.one(entry.action), actor: strings.one(entry.actor), target, commit, offset, length };
}

function summaryOf(decision: DecisionRecord): DecisionSummary {
  return {
    id: decision.id,
    createdAt: decision.createdAt,
    createdBy: decision.createdBy,
    policyId: decision.policyId,
    version: decision.version,
    contentHash: decision.contentHash,
    asOf: decision.asOf,
    revision: decision.revision,
    weeklyPence: decision.result.weeklyPence,
    flags: decision.result.flags.map((f) => f.code),
    finalBudget: decision.finalBudget,
  };
}

function documentFile(dataDir: string, kind: DocumentKind, id: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`'${id}' is not a document id`);
  return join(dataDir, `${kind}s`, `${id}.json`);
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

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
