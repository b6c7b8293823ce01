/** The audit chain's rows in ras_audit, read back as the entries the commits hold. */

import type { AuditEntry } from '../records.js';

export const AUDIT_COLUMNS = 'seq, at, actor, action, target, details, digest, prev_hash, hash';

export interface AuditRow {
  seq: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  digest: string | null;
  prev_hash: string;
  hash: string;
}

export function auditEntryOf(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
    digest: row.digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
