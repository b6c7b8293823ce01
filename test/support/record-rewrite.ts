/**
 * A whole record rewritten as the most careful tamperer with the data directory would: after changing
 * what they want, every change's digest, every entry's hash, every ratification's anchor, head.json and
 * the collection files are made again, so that the record agrees with itself everywhere. What they cannot
 * make again without the audit key are the signed checkpoints: they strip them, or sign with a key of
 * their own. Only what the council keeps outside the record, and its audit key, can then tell.
 */

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_ONLY_ACTIONS, entryHash, GENESIS } from '../../server/audit/chain.js';
import { type Checkpoint, signCheckpoint } from '../../server/audit/checkpoint.js';
import type { AuditKey } from '../../server/audit/signing-key.js';
import { changesByTarget, digestsByTarget } from '../../server/store/commit-content.js';
import { encodeBatch, encodeLine } from '../../server/store/journal.js';
import { collectionPath, headPath, journalPath } from '../../server/store/layout.js';
import { type AuditAnchor, type AuditEntry, COLLECTIONS } from '../../server/store/records.js';
import { applyChanges, emptyRows } from '../../server/store/replay.js';
import type { Line } from './journal.js';

/** What is done with the signed checkpoints the rewrite cannot sign again with the council's key. */
export type Signatures = { strip: true } | { signWith: AuditKey };

/** Every digest, hash, anchor and checkpoint recomputed in order, after the lines were changed. */
export function rewriteConsistently(lines: Line[], signatures: Signatures): void {
  let head: AuditAnchor = GENESIS;
  // Where each point of the old chain now is: entries removed move every later one down.
  const moved: Array<{ old: number; now: AuditAnchor }> = [{ old: 0, now: GENESIS }];
  const anchor = (a: AuditAnchor): AuditAnchor => [...moved].reverse().find((m) => m.old <= a.seq)!.now;
  const resigned = (c: Checkpoint): Checkpoint | undefined =>
    'strip' in signatures ? undefined : signCheckpoint(signatures.signWith, { commit: c.commit, ...anchor(c) }, c.at);
  // A commit's checkpoint is of the record before it: anchored at its old head, which moves as the anchors do.

  for (const { header, body } of lines) {
    if (header.checkpoint) {
      const again = resigned({ ...header.checkpoint, commit: header.commit - 1 });
      if (again) header.checkpoint = again;
      else delete header.checkpoint;
    }
    for (const change of header.changes) {
      const ratification = (change.row as { ratification?: Record<string, unknown> | null } | null)?.ratification;
      if (!ratification) continue;
      if (ratification.auditAnchor) ratification.auditAnchor = anchor(ratification.auditAnchor as AuditAnchor);
      if (ratification.checkpoint) {
        const again = resigned(ratification.checkpoint as Checkpoint);
        if (again) ratification.checkpoint = again;
        else delete ratification.checkpoint;
      }
    }
    const digests = digestsByTarget(changesByTarget(header, body));
    header.audit = header.audit.map((entry) => {
      const details =
        entry.action === 'version.ratify' && entry.details.auditAnchor
          ? { ...entry.details, auditAnchor: anchor(entry.details.auditAnchor as AuditAnchor) }
          : entry.details;
      const { hash: _old, ...rest } = entry;
      const unhashed = {
        ...rest,
        details,
        seq: head.seq + 1,
        prevHash: head.hash,
        digest: EVENT_ONLY_ACTIONS.has(entry.action) ? null : (digests.get(entry.target) ?? null),
      };
      const rewritten: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
      head = { seq: rewritten.seq, hash: rewritten.hash };
      moved.push({ old: entry.seq, now: head });
      return rewritten;
    });
  }
}

/**
 * The journal written, and everything beside it made again from it: the collection files, and head.json
 * (signed with the tamperer's key, or with no checkpoint at all).
 */
export function writeRewrittenRecord(dataDir: string, lines: readonly Line[], signatures: Signatures): void {
  // A batch a line, as the server writes them; each marker signed with the tamperer's key, or not at all.
  let head: AuditAnchor = GENESIS;
  const batches = lines.map(({ header, body }) => {
    const last = header.audit.at(-1);
    if (last) head = { seq: last.seq, hash: last.hash };
    const after = { commit: header.commit, ...head };
    return encodeBatch(
      [encodeLine(header, body)],
      'strip' in signatures ? undefined : signCheckpoint(signatures.signWith, after, header.at),
    ).data;
  });
  writeFileSync(journalPath(dataDir), Buffer.concat(batches));
  const rows = emptyRows();
  for (const { header } of lines) applyChanges(rows, header);
  const commit = lines.at(-1)?.header.commit ?? 0;
  for (const name of COLLECTIONS)
    writeFileSync(collectionPath(dataDir, name), JSON.stringify({ commit, rows: [...(rows[name] as Map<string, unknown>).values()] }));
  const last = lines.flatMap((l) => l.header.audit).at(-1);
  const audit = last ? { seq: last.seq, hash: last.hash } : GENESIS;
  const checkpoint =
    'strip' in signatures ? undefined : signCheckpoint(signatures.signWith, { commit, ...audit }, new Date().toISOString());
  writeFileSync(headPath(dataDir), JSON.stringify({ commit, audit, ...(checkpoint ? { checkpoint } : {}) }));
}

/** head.json and every collection file removed, as if they had never been written. */
export function removeFilesBesideJournal(dataDir: string): void {
  rmSync(headPath(dataDir), { force: true });
  for (const name of COLLECTIONS) rmSync(join(dataDir, `${name}.json`), { force: true });
}

/**
 * The journal's commit lines edited in place, everything else kept: each batch's marker keeps its signed
 * checkpoint (a signature of chain points, which such an edit leaves alone) with its byte count made
 * right, and every line's checksum is recomputed. What the signatures do not cover is all that changes.
 */
export function editLinesKeepingSignatures(dataDir: string, edit: (line: Line) => void): void {
  const text = readFileSync(journalPath(dataDir), 'utf8');
  const out: string[] = [];
  let marker: { batch: Record<string, unknown> } | null = null;
  let batch: string[] = [];
  const flush = () => {
    if (marker) {
      const bytes = batch.reduce((n, l) => n + Buffer.byteLength(l), 0);
      // A marker is written as a line is: its header, an empty body, the checksum.
      out.push(encodeLine({ batch: { ...marker.batch, bytes } } as unknown as Line['header'], {}), ...batch);
    } else out.push(...batch);
    batch = [];
  };
  for (const raw of text.split('\n').filter((l) => l.length > 0)) {
    const [header, body] = raw.split('\t');
    const parsed = JSON.parse(header!) as Record<string, unknown>;
    if ('batch' in parsed) {
      flush();
      marker = parsed as { batch: Record<string, unknown> };
      continue;
    }
    const line: Line = { header: parsed as unknown as Line['header'], body: JSON.parse(body!) as Line['body'] };
    edit(line);
    batch.push(encodeLine(line.header, line.body));
  }
  flush();
  writeFileSync(journalPath(dataDir), out.join(''));
}
