/**
 * A stopped server's journal, read and rewritten as a careful tamperer would: every line's checksum is
 * recomputed, and on request the audit chain is rehashed from a chosen entry on, so that only what the
 * record holds outside the chain (anchors, head.json, the collection files) can give the change away.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { entryHash } from '../../server/audit/chain.js';
import type { CommitBody, CommitHeader } from '../../server/store/commit.js';
import { encodeLine, isBatchMarker } from '../../server/store/journal.js';
import { journalPath } from '../../server/store/layout.js';
import type { AuditEntry } from '../../server/store/records.js';

export interface Line {
  header: CommitHeader;
  body: CommitBody;
}

/** The journal's commits, in order (its batches' markers are not commits). */
export function readJournal(dataDir: string): Line[] {
  return readFileSync(journalPath(dataDir), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !isBatchMarker(line))
    .map((line) => {
      const [header, body] = line.split('\t');
      return { header: JSON.parse(header!) as CommitHeader, body: JSON.parse(body!) as CommitBody };
    });
}

/** Writes the commits as one journal, without batch markers: as a journal written before they existed reads. */
export function writeJournal(dataDir: string, lines: readonly Line[]): void {
  writeFileSync(journalPath(dataDir), lines.map((l) => encodeLine(l.header, l.body)).join(''));
}

/** Recomputes every entry's prevHash and hash from `fromSeq` on, as if the chain had always been so. */
export function rehashFrom(lines: Line[], fromSeq: number): void {
  let previousHash: string | null = null;
  for (const { header } of lines) {
    header.audit = header.audit.map((entry) => {
      if (entry.seq < fromSeq) {
        previousHash = entry.hash;
        return entry;
      }
      const { hash: _old, ...body } = { ...entry, prevHash: previousHash ?? entry.prevHash };
      const rehashed: AuditEntry = { ...body, hash: entryHash(body) };
      previousHash = rehashed.hash;
      return rehashed;
    });
  }
}

export function auditEntries(lines: readonly Line[]): AuditEntry[] {
  return lines.flatMap((l) => l.header.audit);
}
