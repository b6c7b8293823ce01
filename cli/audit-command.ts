import { resolve } from 'node:path';
import { describeLocation, type StoreLocation, verifyRecordAt } from '../server/store/open-store.js';
import { InputError } from './read-json.js';

/**
 * ras audit verify [--data-dir DIR | --database-url URL]: the whole record checked, as the server's
 * GET /api/audit/verify checks it: the audit chain, its anchors, every change against its audit entry,
 * and what is kept beside the commits (the collection files, or the database's tables). Exit 1 naming
 * every problem.
 */
export async function auditVerifyCommand(location: StoreLocation, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const where = location.kind === 'lowdb' ? resolve(location.dataDir) : describeLocation(location);
  const report = await verifyRecordAt(location.kind === 'lowdb' ? { kind: 'lowdb', dataDir: where } : location).catch((e: Error) => {
    throw new InputError(`cannot read ${where}: ${e.message}`);
  });
  if (!report)
    throw new InputError(
      location.kind === 'lowdb'
        ? `${where} holds no journal.jsonl: it is not a RAS data directory (or it was never used)`
        : `${where} holds no RAS record (no ras_head table)`,
    );
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
