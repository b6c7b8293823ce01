import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Checkpoint, checkpointLine, checkpointsIn, isSigned, signCheckpoint } from '../server/audit/checkpoint.js';
import { type AuditKey, AuditKeyError, existingAuditKey, isPublicKey } from '../server/audit/signing-key.js';
import { auditKeyConfig, ConfigError } from '../server/config.js';
import type { IntegrityReport } from '../server/store/integrity-report.js';
import { headPath } from '../server/store/layout.js';
import { describeLocation, type StoreLocation, verifyRecordAt } from '../server/store/open-store.js';
import { InputError } from './read-json.js';

/** What a council kept outside the record, to check it against. */
export interface KeptOutside {
  /** Files holding checkpoint lines (the minutes, a file of kept lines, a saved published page). */
  checkpointFiles: readonly string[];
  /** The council's audit public key, as published. */
  publicKeys: readonly string[];
  /** A running service whose published checkpoints to fetch (its address). */
  published?: string;
}

/**
 * ras audit verify [--data-dir DIR | --database-url URL] [--checkpoints FILE]… [--public-key KEY]… [--published URL]:
 * the whole record checked, as the server's GET /api/audit/verify checks it: the audit chain, its
 * anchors and signed checkpoints, every change against its audit entry, the lifecycle's rules on every
 * recorded transition, what is kept beside the commits (the collection files and head, or the
 * database's tables); and that it contains every checkpoint kept outside it. Exit 1 naming every problem.
 */
export async function auditVerifyCommand(
  location: StoreLocation,
  kept: KeptOutside,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const where = whereOf(location);
  const known = [
    ...(await checkpointsFromFiles(kept.checkpointFiles)),
    ...(kept.published ? await publishedCheckpoints(kept.published) : []),
  ];
  // The keys given are the council's published ones, and then nothing else is trusted; without them, the
  // key the server here signs with (its public half), and those of the checkpoints kept outside.
  const keys =
    kept.publicKeys.length > 0
      ? [...kept.publicKeys]
      : [
          ...(kept.published ? await publishedKey(kept.published) : []),
          ...((await configuredPublicKey(location)) ?? []),
          ...auditConfig(location).trustedKeys,
        ];
  const checked = await checkedRecord(location, { keys, known });
  if ('removed' in checked) {
    err.write(`${where}: the record is BROKEN: ${checked.removed}\n`);
    return 1;
  }
  const report = checked;
  if (!report.ok) {
    err.write(`${where}: the record is BROKEN (${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}):\n`);
    for (const problem of report.problems) err.write(`  ${problem.code}: ${problem.message}\n`);
    return 1;
  }
  const { checkpoints } = report;
  out.write(
    `${where}: audit chain intact, ${report.entries} entries over ${report.commits} commits, ${report.anchors} ratification anchors, head ${report.head.hash}\n` +
      `  ${checkpoints.inRecord} signed checkpoints in the record${checkpoints.lastSigned ? ` (the last at commit ${checkpoints.lastSigned.commit})` : ''}, ` +
      `${checkpoints.known} kept outside it, all found as kept\n`,
  );
  if (checkpoints.trustedKeys.length === 0)
    out.write(
      '  no audit key was given, so signatures were checked only against the keys the record names: give --public-key (the published audit key) or --checkpoints to check it against what the council keeps\n',
    );
  else
    out.write(
      `  signatures checked against the audit key${checkpoints.trustedKeys.length > 1 ? 's' : ''} ${checkpoints.trustedKeys.join(', ')}\n`,
    );
  if (report.tornTail)
    out.write(
      `  the journal ends with ${report.tornTail.bytes} bytes a crash cut short (never acknowledged); the server sets them aside when it starts\n`,
    );
  return 0;
}

/**
 * ras audit checkpoint [--data-dir DIR | --database-url URL]: the record checked whole, then its head
 * signed with the audit key, as one line for the minutes. Exit 1 (and no line) when the record is broken.
 */
export async function auditCheckpointCommand(
  location: StoreLocation,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const where = whereOf(location);
  const key = await configuredKey(location);
  if (!key) {
    const source = auditConfig(location).key;
    throw new InputError(
      `no audit key at ${source.kind === 'file' ? source.path : 'RAS_AUDIT_KEY'}: a checkpoint is signed with the key the server signs with (RAS_AUDIT_KEY or RAS_AUDIT_KEY_FILE, as the server has them)`,
    );
  }
  const report = await checkedRecord(location, { keys: [key.publicKey, ...auditConfig(location).trustedKeys], known: [] });
  if ('removed' in report) {
    err.write(`${where}: the record is BROKEN, so no checkpoint is signed for it: ${report.removed}\n`);
    return 1;
  }
  if (!report.ok) {
    err.write(`${where}: the record is BROKEN, so no checkpoint is signed for it:\n`);
    for (const problem of report.problems) err.write(`  ${problem.code}: ${problem.message}\n`);
    return 1;
  }
  const checkpoint = signCheckpoint(key, { commit: report.commits, ...report.head }, new Date().toISOString());
  out.write(`${checkpointLine(checkpoint)}\n`);
  return 0;
}

function whereOf(location: StoreLocation): string {
  return location.kind === 'lowdb' ? resolve(location.dataDir) : describeLocation(location);
}

/** The record's report, or why there is no record where something shows there was one. */
async function checkedRecord(
  location: StoreLocation,
  trust: { keys: string[]; known: Checkpoint[] },
): Promise<IntegrityReport | { removed: string }> {
  const where = whereOf(location);
  const report = await verifyRecordAt(location.kind === 'lowdb' ? { kind: 'lowdb', dataDir: where } : location, trust).catch((e: Error) => {
    throw new InputError(`cannot read ${where}: ${e.message}`);
  });
  if (report) return report;
  const head = location.kind === 'lowdb' ? await readFile(headPath(where), 'utf8').catch(() => null) : null;
  if (head !== null)
    return {
      removed: `journal.jsonl is missing, but head.json is there (a record of ${headCommit(head)} commits): the journal has been removed`,
    };
  if (trust.known.length > 0) {
    // Nothing there at all, where a council kept checkpoints: the whole record is gone (or the place is mistyped).
    const last = trust.known.reduce((a, b) => (b.commit > a.commit ? b : a));
    return {
      removed: `${where} holds no record, but a checkpoint kept outside shows one of at least ${last.commit} commits (signed ${last.at}): the record has been removed, or this is not where it is kept`,
    };
  }
  throw new InputError(
    location.kind === 'lowdb'
      ? `${where} holds no journal.jsonl: it is not a RAS data directory (or it was never used)`
      : `${where} holds no RAS record (no ras_head table)`,
  );
}

/** The audit settings as the server at this location reads them (its key file is beside its data directory). */
function auditConfig(location: StoreLocation) {
  try {
    return auditKeyConfig(
      location.kind === 'lowdb'
        ? { ...process.env, RAS_DATA_DIR: location.dataDir, RAS_DATABASE_URL: '' }
        : { ...process.env, RAS_DATABASE_URL: location.url },
    );
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
}

/** The public half of the key the server here signs with, when it can be read; verification needs no more. */
async function configuredPublicKey(location: StoreLocation): Promise<string[] | null> {
  return existingAuditKey(auditConfig(location).key).then(
    (key) => (key ? [key.publicKey] : null),
    () => null,
  );
}

function headCommit(text: string): string {
  try {
    return String((JSON.parse(text) as { commit?: unknown }).commit ?? '?');
  } catch {
    return '?';
  }
}

async function configuredKey(location: StoreLocation): Promise<AuditKey | null> {
  try {
    return await existingAuditKey(auditConfig(location).key);
  } catch (e) {
    if (e instanceof AuditKeyError) throw new InputError(e.message);
    throw e;
  }
}

async function checkpointsFromFiles(files: readonly string[]): Promise<Checkpoint[]> {
  const all: Checkpoint[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((e: Error) => {
      throw new InputError(`cannot read ${file}: ${e.message}`);
    });
    const found = checkpointsIn(text);
    if (found.length === 0)
      throw new InputError(`${file} holds no checkpoint line ('ras-checkpoint v1 commit=… entry=… head=… at=… key=… sig=…')`);
    const unsigned = found.find((c) => !isSigned(c));
    if (unsigned)
      throw new InputError(
        `${file}: the checkpoint of commit ${unsigned.commit} is not signed by the key it names: it was mistyped, or changed since it was signed`,
      );
    all.push(...found);
  }
  return all;
}

export function checkedPublicKey(key: string): string {
  if (!isPublicKey(key))
    throw new InputError(`--public-key must be an audit public key (43 characters of base64url, as published), got '${key}'`);
  return key;
}

async function publishedJson(address: string): Promise<{ auditKey: string; checkpoints: Array<{ line: string }> }> {
  const url = new URL('/api/public/checkpoints', address);
  const answer = await fetch(url).catch((e: Error) => {
    throw new InputError(`cannot read the published checkpoints at ${url}: ${e.message}`);
  });
  if (!answer.ok) throw new InputError(`the published checkpoints at ${url} answered ${answer.status}`);
  return (await answer.json()) as { auditKey: string; checkpoints: Array<{ line: string }> };
}

async function publishedCheckpoints(address: string): Promise<Checkpoint[]> {
  return checkpointsIn((await publishedJson(address)).checkpoints.map((c) => c.line).join('\n'));
}

async function publishedKey(address: string): Promise<string[]> {
  const { auditKey } = await publishedJson(address);
  return isPublicKey(auditKey) ? [auditKey] : [];
}
