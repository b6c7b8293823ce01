import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyDataDir } from '../server/store/integrity.js';
import { journalPath } from '../server/store/layout.js';
import { InputError } from './read-json.js';

/**
 * ras audit verify [--data-dir DIR]: the whole record of a data directory checked from disk, as the
 * server's GET /api/audit/verify checks it: the audit chain, its anchors, every change against its
 * audit entry, and the files beside the journal. Exit 1 naming every problem.
 */
export async function auditVerifyCommand(dataDir: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const dir = resolve(dataDir);
  if (!existsSync(journalPath(dir)))
    throw new InputError(`${dir} holds no journal.jsonl: it is not a RAS data directory (or it was never used)`);
  const report = await verifyDataDir(dir);
  if (!report.ok) {
    err.write(`${dir}: the record is BROKEN (${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}):\n`);
    for (const problem of report.problems) err.write(`  ${problem.code}: ${problem.message}\n`);
    return 1;
  }
  out.write(
    `${dir}: audit chain intact, ${report.entries} entries over ${report.commits} commits, ${report.anchors} ratification anchors, head ${report.head.hash}\n`,
  );
  if (report.tornTail)
    out.write(
      `  the journal ends with ${report.tornTail.bytes} bytes a crash cut short (never acknowledged); the server sets them aside when it starts\n`,
    );
  return 0;
}
