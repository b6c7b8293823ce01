/** Where a data directory keeps what: the journal, the collection files beside it, the head marker. */

import { join } from 'node:path';
import type { Checkpoint } from '../audit/checkpoint.js';
import type { CollectionName } from './records.js';
import type { DocumentKind } from './store.js';

export const JOURNAL_FILE = 'journal.jsonl';
/** The journal's last commit and the audit chain's head, rewritten after each commit (never ahead of the journal). */
export const HEAD_FILE = 'head.json';

export const journalPath = (dir: string) => join(dir, JOURNAL_FILE);
export const headPath = (dir: string) => join(dir, HEAD_FILE);
export const collectionPath = (dir: string, name: CollectionName) => join(dir, `${name}.json`);
/** Large documents (DocumentKind: a cohort's people, a comparison job's record), a file each. */
export const documentDir = (dir: string, kind: DocumentKind) => join(dir, `${kind}s`);
export const documentPath = (dir: string, kind: DocumentKind, id: string) => join(documentDir(dir, kind), `${id}.json`);

/** A collection file: its rows as of a commit of the journal. */
export interface CollectionFile<Row = unknown> {
  commit: number;
  rows: Row[];
}

export interface HeadFile {
  commit: number;
  audit: { seq: number; hash: string };
  /** The same point signed with the audit key when the file was written (absent in files written before checkpoints). */
  checkpoint?: Checkpoint;
}
