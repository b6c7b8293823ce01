/**
 * The audit log is append-only, and each entry's hash covers the previous entry's hash, so changing,
 * removing or reordering any past entry breaks the chain from that point on.
 */

import canonicalize from 'canonicalize';
import { sha256 } from './auth/secrets.js';
import type { AuditEntry } from './store/records.js';
import type { Draft } from './store/store.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  at: string;
  actor: string;
  action: string;
  target: string;
  /** Ids, versions, statuses: never assessment content or other personal data. */
  details?: Record<string, unknown>;
}

export function appendAudit(draft: Draft, event: AuditEvent): AuditEntry {
  const log = draft.rows('audit');
  const previous = log[log.length - 1];
  const body = {
    seq: (previous?.seq ?? 0) + 1,
    at: event.at,
    actor: event.actor,
    action: event.action,
    target: event.target,
    details: event.details ?? {},
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  const entry = { ...body, hash: entryHash(body) };
  log.push(entry);
  return entry;
}

export type ChainCheck = { ok: true; entries: number; head: string } | { ok: false; seq: number; reason: string };

export function verifyAuditChain(entries: readonly AuditEntry[]): ChainCheck {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1)
      return {
        ok: false,
        seq: entry.seq,
        reason: `entry ${index + 1} has sequence number ${entry.seq}: an entry is missing or out of order`,
      };
    if (entry.prevHash !== prevHash)
      return { ok: false, seq: entry.seq, reason: `entry ${entry.seq} does not follow entry ${entry.seq - 1}: its prevHash differs` };
    const { hash, ...body } = entry;
    if (entryHash(body) !== hash)
      return { ok: false, seq: entry.seq, reason: `entry ${entry.seq} has been changed: its content no longer matches its hash` };
    prevHash = hash;
  }
  return { ok: true, entries: entries.length, head: prevHash };
}

function entryHash(body: Omit<AuditEntry, 'hash'>): string {
  return sha256(canonicalize(body)!);
}
