/**
 * Large documents (a cohort's people, a comparison job's record) in PostgreSQL, kept in parts of a
 * megabyte: reading one of many megabytes never holds the event loop for long (each part's hex is
 * decoded in turn), and none comes near bytea's limit of a gigabyte. Both run inside a transaction
 * the caller holds, so a document is replaced whole or not at all, and read as one.
 */

import type pg from 'pg';
import type { DocumentKind } from '../store.js';

const PART_BYTES = 1 << 20;

export async function writeDocument(client: pg.ClientBase, kind: DocumentKind, id: string, bytes: Uint8Array): Promise<void> {
  const parts = Math.max(1, Math.ceil(bytes.byteLength / PART_BYTES));
  await client.query(
    `INSERT INTO ras_documents (kind, id, parts) VALUES ($1, $2, $3)
     ON CONFLICT (kind, id) DO UPDATE SET parts = EXCLUDED.parts, written_at = now()`,
    [kind, id, parts],
  );
  await client.query('DELETE FROM ras_document_parts WHERE kind = $1 AND id = $2', [kind, id]);
  for (let part = 0; part < parts; part++) {
    const slice = bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES);
    await client.query('INSERT INTO ras_document_parts (kind, id, part, bytes) VALUES ($1, $2, $3, $4)', [
      kind,
      id,
      part,
      Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength),
    ]);
  }
}

export async function readDocument(client: pg.ClientBase, kind: DocumentKind, id: string): Promise<Uint8Array | null> {
  const head = await client.query<{ parts: number }>('SELECT parts FROM ras_documents WHERE kind = $1 AND id = $2', [kind, id]);
  if (head.rows.length === 0) return null;
  const chunks: Buffer[] = [];
  for (let part = 0; part < head.rows[0]!.parts; part++) {
    const { rows } = await client.query<{ bytes: Buffer }>(
      'SELECT bytes FROM ras_document_parts WHERE kind = $1 AND id = $2 AND part = $3',
      [kind, id, part],
    );
    if (rows.length === 0) throw new Error(`part ${part} of the ${kind} document ${id} is missing from ras_document_parts`);
    chunks.push(rows[0]!.bytes);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
