import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { JsonFileAdapter } from './json-file-adapter.js';
import { COLLECTIONS, type CollectionName, type Collections } from './records.js';
import type { DocumentKind, Draft, Store } from './store.js';

type Dbs = { [K in CollectionName]: Low<Collections[K]> };

/**
 * One JSON file per collection in the data directory, each written atomically by its own queue
 * (json-file-adapter.ts). Exactly one Low instance per file in this process: two would overwrite
 * each other's changes, and so would two processes on one data directory.
 */
export class LowdbStore implements Store {
  /** Set when a write to disk failed: memory may then hold changes the disk lacks, so the store stops. */
  private failure: unknown = null;

  private constructor(
    private readonly dbs: Dbs,
    readonly wasEmpty: boolean,
    private readonly dataDir: string,
  ) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    mkdirSync(dataDir, { recursive: true });
    const wasEmpty = COLLECTIONS.every((name) => !existsSync(fileOf(dataDir, name)));
    const entries = await Promise.all(
      COLLECTIONS.map(async (name) => {
        const db = new Low<unknown[]>(new JsonFileAdapter(fileOf(dataDir, name)), []);
        await db.read();
        if (!Array.isArray(db.data)) throw new Error(`${fileOf(dataDir, name)} does not hold a JSON array`);
        db.data.forEach(deepFreeze);
        return [name, db] as const;
      }),
    );
    return new LowdbStore(Object.fromEntries(entries) as unknown as Dbs, wasEmpty, dataDir);
  }

  all<K extends CollectionName>(name: K): Readonly<Collections[K]> {
    return this.dbs[name].data;
  }

  async putDocument(kind: DocumentKind, id: string, value: unknown): Promise<void> {
    const file = documentFile(this.dataDir, kind, id);
    mkdirSync(dirname(file), { recursive: true });
    await new JsonFileAdapter(file).write(value);
  }

  async getDocument(kind: DocumentKind, id: string): Promise<unknown | null> {
    return new JsonFileAdapter(documentFile(this.dataDir, kind, id)).read();
  }

  async deleteDocument(kind: DocumentKind, id: string): Promise<void> {
    await rm(documentFile(this.dataDir, kind, id), { force: true });
  }

  async transact<T>(change: (draft: Draft) => T): Promise<T> {
    if (this.failure)
      throw new Error('the store stopped after a failed write; restart the server to reload from disk', { cause: this.failure });
    const copies = new Map<CollectionName, unknown[]>();
    const draft: Draft = {
      rows: <K extends CollectionName>(name: K) => {
        if (!copies.has(name)) copies.set(name, [...this.dbs[name].data]);
        return copies.get(name) as Collections[K];
      },
    };
    const result = change(draft);
    if (result instanceof Promise) throw new Error('a store transaction must be synchronous');
    // New rows must serialise before anything is committed, so a bad row changes nothing.
    for (const [name, rows] of copies) {
      const old = new Set(this.dbs[name].data as unknown[]);
      for (const row of rows) if (!old.has(row)) JSON.stringify(row);
    }
    for (const [name, rows] of copies) {
      rows.forEach(deepFreeze);
      (this.dbs[name] as Low<unknown[]>).data = rows;
    }
    // Every change is in memory already; each file's queue resolves once a write that began after
    // this point is on disk, so the promise means the change is stored.
    try {
      await Promise.all([...copies.keys()].map((name) => this.dbs[name].write()));
    } catch (e) {
      this.failure = e;
      throw e;
    }
    return result;
  }
}

function documentFile(dataDir: string, kind: DocumentKind, id: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`'${id}' is not a document id`);
  return join(dataDir, `${kind}s`, `${id}.json`);
}

function fileOf(dataDir: string, name: CollectionName): string {
  return join(dataDir, `${name}.json`);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
