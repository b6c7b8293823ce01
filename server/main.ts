/**
 * npm start: opens the data directory (seeding the examples into a new one), makes sure there is a
 * first admin, and serves the API and the console on one port.
 */

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { logEventLoopDelay } from './http/event-loop.js';
import { serve } from './http/serve.js';
import { systemClock } from './clock.js';
import { ConfigError, readConfig } from './config.js';
import { AuditKeyError, loadAuditKey } from './audit/signing-key.js';
import { jsonLogger } from './logger.js';
import { firstAdmin } from './services/accounts.js';
import { runDecision } from './commands.js';
import { DomainError } from './domain/errors.js';
import { setUp } from './domain/sessions.js';
import { seedExamples } from './services/seed.js';
import { StoreIntegrityError } from './store/lowdb-store.js';
import { describeLocation, openStore } from './store/open-store.js';
import { PgRecordError } from './store/pg/pg-store.js';
import type { Store } from './store/store.js';
import { sharedWorkPool } from './work/pool.js';

async function start(): Promise<void> {
  const config = readConfig(process.env);
  const logger = jsonLogger();
  const work = sharedWorkPool();
  const audit = await loadAuditKey(config.audit.key);
  if (audit.created && config.audit.key.kind === 'file')
    console.log(
      `Made a new audit key at ${config.audit.key.path}: it signs the record's checkpoints (public key ${audit.key.publicKey}).\n` +
        '  Keep it apart from the data directory and its backups (a secrets store, given as RAS_AUDIT_KEY, or a file named by RAS_AUDIT_KEY_FILE),\n' +
        '  so that whoever holds the data cannot sign a rewritten record. Losing it loses nothing recorded: a new key is made, and the old public key is listed in RAS_AUDIT_TRUSTED_KEYS.',
    );
  const store = await openStore(config.store, { auditKey: audit.key, trustedKeys: config.audit.trustedKeys }, (trust) =>
    work.verifyStore(config.store, trust),
  );
  const now = systemClock().toISOString();
  if (store.wasEmpty) {
    const count = await seedExamples(store, now);
    if (count > 0) logger.info('seeded example policies', { versions: count, store: describeLocation(config.store) });
  }
  if (config.adminUsername && config.adminPassword) await ensureAdmin(store, config.adminUsername, config.adminPassword, now);
  const setupCode = store.all('users').length === 0 ? randomBytes(9).toString('base64url') : null;
  const consoleDir = existsSync(config.consoleDir) ? config.consoleDir : undefined;
  // Uploads wait beside the data, as private as it; any left by a stopped server are removed.
  const uploadDir = config.store.kind === 'lowdb' ? join(config.store.dataDir, 'uploads') : join(tmpdir(), `ras-uploads-${process.pid}`);
  await rm(uploadDir, { recursive: true, force: true });
  await mkdir(uploadDir, { mode: 0o700 });
  const { express } = createApp({ store, logger, setupCode, consoleDir, uploadDir, work, trustProxy: config.trustProxy });
  const server = await serve(express, { port: config.port, host: config.host });
  if (config.eventLoopLogSeconds > 0) logEventLoopDelay(logger, config.eventLoopLogSeconds);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`RAS policy engine listening on http://${config.host}:${port} (data in ${describeLocation(config.store)})`);
  if (!consoleDir) console.log(`No built console at ${config.consoleDir}: the API is served without it.`);
  if (setupCode) {
    console.log(`\nNo users yet. Create the first admin within this run with the one-time setup code ${setupCode}:`);
    if (consoleDir) console.log(`  open http://${config.host}:${port}/ and follow "Set up the console", or over HTTP:`);
    console.log(
      `  curl -X POST http://${config.host}:${port}/api/setup -H 'Content-Type: application/json' -d '{"code":"${setupCode}","username":"admin","password":"<12 or more characters, not a common password>"}'`,
    );
    console.log('Or set RAS_ADMIN_USERNAME and RAS_ADMIN_PASSWORD before starting.\n');
  }
  const stop = () =>
    server.close(() => {
      Promise.all([store.close(), work.close()]).finally(() => process.exit(0));
    });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * The first admin from RAS_ADMIN_USERNAME and RAS_ADMIN_PASSWORD, when there are no users: decided inside
 * the commit, so two servers starting together on one new database make one admin between them.
 */
async function ensureAdmin(store: Store, username: string, password: string, now: string): Promise<void> {
  if (store.all('users').length > 0) return;
  const admin = await firstAdmin({ username, displayName: username, roles: ['admin'], password }, now);
  // Another server may have made it meanwhile: then there is nothing to do.
  await runDecision(
    store,
    () => new Date(now),
    (state, commit) => setUp(state, admin, 'environment', commit),
  ).catch((e: unknown) => {
    if (!(e instanceof DomainError && e.code === 'setup_done')) throw e;
  });
}

start().catch((e) => {
  console.error(
    e instanceof ConfigError || e instanceof AuditKeyError
      ? `Configuration: ${e.message}`
      : e instanceof StoreIntegrityError || e instanceof PgRecordError
        ? e.message
        : e,
  );
  process.exit(1);
});
