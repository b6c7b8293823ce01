import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyDataDir } from '../server/store/integrity.js';
import type { IntegrityReport } from '../server/store/integrity-report.js';
import { journalPath } from '../server/store/layout.js';
import { describeLocation, type StoreLocation } from '../server/store/open-store.js';
import { connect } from '../server/store/pg/database.js';
import { verifyPgRecord } from '../server/store/pg/pg-integrity.js';
import { InputError } from './read-json.js';

/**
 * ras audit verify [--data-dir DIR | --database-url URL]: the whole record checked, as the server's
 * GET /api/audit/verify checks it: the audit chain, its anchors, every change against its audit entry,
 * and what is kept beside the commits (the collection files, or the database's tables). Exit 1 naming
 * every problem.
 */
export async function auditVerifyCommand(location: StoreLocation, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { where, report } = location.kind === 'lowdb' ? await verifyDirectory(location.dataDir) : await verifyDatabase(location);
  if (!report.ok) {
    err.write(`${where}: the record is BROKEN (${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}):\n`);
    for (const problem of report.problems) err.write(`  ${problem.code}: ${problem.message}\n`);
    return 1;
  }
  out.write(
    `${where}: audit chain intact, ${report.entries} entries over ${report.commits} commits, ${report.anchors} ratification anchors, head ${report.head.hash}\n`,
  );
  if (report.tornTail)
    out.write(
      `  the journal ends with ${report.tornTail.bytes} bytes a crash cut short (never acknowledged); the server sets them aside when it starts\n`,
    );
  return 0;
}

async function verifyDirectory(dataDir: string): Promise<{ where: string; report: IntegrityReport }> {
  const dir = resolve(dataDir);
  if (!existsSync(journalPath(dir)))
    throw new InputError(`${dir} holds no journal.jsonl: it is not a RAS data directory (or it was never used)`);
  return { where: dir, report: await verifyDataDir(dir) };
}

async function verifyDatabase(location: Extract<StoreLocation, { kind: 'postgres' }>): Promise<{ where: string; report: IntegrityReport }> {
  const pool = connect({ url: location.url, schema: location.schema, connections: 1 });
  try {
    const tables = await pool.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'ras_head'", [
      location.schema,
    ]);
    if (tables.rowCount === 0) throw new InputError(`${describeLocation(location)} holds no RAS record (no ras_head table)`);
    return { where: describeLocation(location), report: await verifyPgRecord(pool) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${describeLocation(location)}: ${(e as Error).message}`);
  } finally {
    await pool.end();
  }
}
