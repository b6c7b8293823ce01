import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { journalPath } from '../server/store/layout.js';
import { ImportError, importDataDir } from '../server/store/pg/import-data-dir.js';
import { AuditKeyError, existingAuditKey } from '../server/audit/signing-key.js';
import { auditKeyConfig, ConfigError } from '../server/config.js';
import { describeLocation, type StoreKeys } from '../server/store/open-store.js';
import { InputError } from './read-json.js';

export interface MigrateOptions {
  fromDataDir: string;
  databaseUrl: string;
  schema: string;
}

/**
 * ras migrate --from-data-dir DIR: copies an embedded store's record into an empty PostgreSQL database,
 * checking the audit chain before and after. Exit 1 (naming every problem) when the record does not
 * verify, the database is not empty, or the copy does not verify; nothing is left in the database then.
 */
export async function migrateCommand(options: MigrateOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const dir = resolve(options.fromDataDir);
  if (!existsSync(journalPath(dir)))
    throw new InputError(`${dir} holds no journal.jsonl: it is not a RAS data directory (or it was never used)`);
  const where = describeLocation({ kind: 'postgres', url: options.databaseUrl, schema: options.schema });
  try {
    const keys = await dataDirKeys(dir);
    const report = await importDataDir(dir, { url: options.databaseUrl, schema: options.schema }, keys);
    out.write(
      `copied ${report.commits} commits from ${dir} to ${where}: ${report.entries} audit entries, ${report.decisions} decisions, ${report.documents} documents\n` +
        `audit chain verified before and after the copy, head ${report.head.seq} ${report.head.hash}\n` +
        `  the database's head is signed with the audit key ${keys.auditKey.publicKey}: give the servers on it the same key (RAS_AUDIT_KEY or RAS_AUDIT_KEY_FILE)\n`,
    );
    if (report.tornTailBytes > 0)
      out.write(`  ${report.tornTailBytes} bytes a crash cut short at the journal's end were never acknowledged, and were not copied\n`);
    return 0;
  } catch (e) {
    // The database refused (no right to make the schema, no connection): nothing was copied.
    if (!(e instanceof ImportError) && e instanceof Error && 'code' in e) throw new InputError(`cannot copy into ${where}: ${e.message}`);
    if (!(e instanceof ImportError)) throw e;
    err.write(`ras migrate: ${e.message}\n`);
    if ('problems' in e.failure) for (const problem of e.failure.problems) err.write(`  ${problem.code}: ${problem.message}\n`);
    return 1;
  }
}

/** The audit key the data directory's server signs with, as the server finds it; never a new one. */
async function dataDirKeys(dir: string): Promise<StoreKeys> {
  try {
    const config = auditKeyConfig({ ...process.env, RAS_DATA_DIR: dir, RAS_DATABASE_URL: '' });
    const auditKey = await existingAuditKey(config.key);
    if (!auditKey)
      throw new InputError(
        `no audit key at ${config.key.kind === 'file' ? config.key.path : 'RAS_AUDIT_KEY'}: the copy's head is signed with the key the data directory's server signs with (RAS_AUDIT_KEY or RAS_AUDIT_KEY_FILE, as the server has them)`,
      );
    return { auditKey, trustedKeys: config.trustedKeys };
  } catch (e) {
    if (e instanceof ConfigError || e instanceof AuditKeyError) throw new InputError(e.message);
    throw e;
  }
}
