/**
 * Checkpoints: a point of the record (a commit, and the audit chain's head after it) signed with the
 * audit key (signing-key.ts). The record carries them (each ratification, head.json or the database's
 * head row, and a commit every CHECKPOINT_EVERY commits or each day), and people keep them outside it:
 * printed on the published pages and by `ras audit checkpoint` as one line a committee clerk pastes
 * into the minutes. Verification then finds a record that does not contain a checkpoint kept outside,
 * or contains it with another head: a rewrite, or commits removed, by whoever could not sign.
 *
 * The line is the checkpoint's whole text; the signature covers everything before ` sig=`:
 *
 *   ras-checkpoint v1 commit=412 entry=987 head=<64 hex> at=2026-12-07T17:00:00.000Z key=<43> sig=<86>
 */

import { type AuditKey, signatureHolds } from './signing-key.js';

/** A point of the record: after commit `commit`, the audit chain ends at entry `seq` with hash `hash`. */
export interface RecordPoint {
  commit: number;
  seq: number;
  hash: string;
}

export interface Checkpoint extends RecordPoint {
  /** When it was signed. */
  at: string;
  /** The public key that signed it. */
  key: string;
  sig: string;
}

/** A commit carries a checkpoint at least this often, in commits (and at least once a day there are commits). */
export const CHECKPOINT_EVERY = 1000;

const PREFIX = 'ras-checkpoint v1';
const LINE_TEXT =
  'ras-checkpoint v1 commit=(\\d{1,15}) entry=(\\d{1,15}) head=([0-9a-f]{64}) at=(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z) key=([A-Za-z0-9_-]{43}) sig=([A-Za-z0-9_-]{86})';
const LINE = new RegExp(LINE_TEXT, 'g');
/** A whole checkpoint line, as a JSON Schema pattern. */
export const CHECKPOINT_LINE_PATTERN = `^${LINE_TEXT}$`;

export function signCheckpoint(key: AuditKey, point: RecordPoint, at: string): Checkpoint {
  const unsigned = { commit: point.commit, seq: point.seq, hash: point.hash, at, key: key.publicKey };
  return { ...unsigned, sig: key.sign(signedText(unsigned)) };
}

/** Whether the checkpoint carries its key's signature (not whether that key is the council's). */
export function isSigned(checkpoint: Checkpoint): boolean {
  return signatureHolds(checkpoint.key, signedText(checkpoint), checkpoint.sig);
}

export function checkpointLine(checkpoint: Checkpoint): string {
  return `${signedText(checkpoint)} sig=${checkpoint.sig}`;
}

/** Every checkpoint line in a text (the minutes of a meeting, a file of kept lines, a saved published page), in order. */
export function checkpointsIn(text: string): Checkpoint[] {
  return [...text.matchAll(LINE)].map((m) => ({
    commit: Number(m[1]),
    seq: Number(m[2]),
    hash: m[3]!,
    at: m[4]!,
    key: m[5]!,
    sig: m[6]!,
  }));
}

/** One checkpoint line, or why it is not one. */
export function parseCheckpoint(line: string): Checkpoint | string {
  const found = checkpointsIn(line.trim());
  if (found.length === 1 && checkpointLine(found[0]!) === line.trim()) return found[0]!;
  return `is not a checkpoint line ('${PREFIX} commit=… entry=… head=… at=… key=… sig=…', as ras audit checkpoint prints it)`;
}

function signedText(c: Omit<Checkpoint, 'sig'>): string {
  return `${PREFIX} commit=${c.commit} entry=${c.seq} head=${c.hash} at=${c.at} key=${c.key}`;
}
