import { join, resolve } from 'node:path';
import { verifyAuditChain } from '../server/audit.js';
import type { AuditEntry } from '../server/store/records.js';
import { InputError, readJsonFile } from './read-json.js';

/** ras audit verify [--data-dir DIR]: checks the audit log's hash chain in a data directory. */
export async function auditVerifyCommand(dataDir: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const file = join(resolve(dataDir), 'audit.json');
  const entries = await readJsonFile(file);
  if (!Array.isArray(entries)) throw new InputError(`${file}: not an audit log (expected a JSON array)`);
  const check = verifyAuditChain(entries as AuditEntry[]);
  if (!check.ok) {
    err.write(`${file}: audit chain BROKEN at entry ${check.seq}: ${check.reason}\n`);
    return 1;
  }
  out.write(`${file}: audit chain intact, ${check.entries} entries, head ${check.head}\n`);
  return 0;
}
