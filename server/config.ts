/** Settings from the environment, checked once at start-up with a clear message for each mistake. */

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type AuditKeySource, isPublicKey } from './audit/signing-key.js';
import { passwordWeakness } from './auth/password-policy.js';
import type { StoreLocation } from './store/open-store.js';
import { isDatabaseUrl, isSchemaName, withoutPassword } from './store/pg/database.js';

export interface Config {
  port: number;
  host: string;
  /** Where the store is: the embedded store's data directory, or a PostgreSQL database (RAS_DATABASE_URL). */
  store: StoreLocation;
  consoleDir: string;
  adminUsername: string | null;
  adminPassword: string | null;
  /** Express's 'trust proxy': set behind a reverse proxy, so rate limits see client addresses. */
  trustProxy: boolean | number | string | undefined;
  /** How often the event loop's delay is logged, in seconds (0: never). */
  eventLoopLogSeconds: number;
  /** Where the audit key is, and earlier audit keys still trusted. */
  audit: AuditKeyConfig;
}

export interface AuditKeyConfig {
  key: AuditKeySource;
  /** Public keys of earlier audit keys (RAS_AUDIT_TRUSTED_KEYS), whose checkpoints still count. */
  trustedKeys: string[];
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got '${env.PORT}'`);
  const adminUsername = env.RAS_ADMIN_USERNAME ?? null;
  const adminPassword = env.RAS_ADMIN_PASSWORD ?? null;
  if ((adminUsername === null) !== (adminPassword === null))
    throw new ConfigError('set both RAS_ADMIN_USERNAME and RAS_ADMIN_PASSWORD, or neither');
  if (adminUsername !== null && adminPassword !== null) {
    const weakness = passwordWeakness(adminPassword, { username: adminUsername });
    if (weakness) throw new ConfigError(`RAS_ADMIN_PASSWORD may not be used: ${weakness}`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    store: storeOf(env),
    consoleDir: resolve(env.RAS_CONSOLE_DIR ?? './dist/admin'),
    adminUsername,
    adminPassword,
    trustProxy: trustProxyOf(env.RAS_TRUST_PROXY),
    eventLoopLogSeconds: secondsOf('RAS_EVENT_LOOP_LOG_SECONDS', env.RAS_EVENT_LOOP_LOG_SECONDS, 60),
    audit: auditKeyConfig(env),
  };
}

/** The file a new installation's audit key is made in: beside the data directory (never inside it), or in the working directory. */
export const DEFAULT_AUDIT_KEY_FILE = 'ras-audit-key.pem';

/**
 * The audit key: the PEM text in RAS_AUDIT_KEY (from a secrets store), or the file RAS_AUDIT_KEY_FILE
 * names, or ras-audit-key.pem beside the data directory. Never inside it: whoever holds the data
 * directory (or a backup of it) must not hold the key that signs its checkpoints.
 */
export function auditKeyConfig(env: NodeJS.ProcessEnv): AuditKeyConfig {
  const trustedKeys = (env.RAS_AUDIT_TRUSTED_KEYS ?? '').split(/[\s,]+/).filter((k) => k !== '');
  for (const key of trustedKeys)
    if (!isPublicKey(key))
      throw new ConfigError(`RAS_AUDIT_TRUSTED_KEYS must list audit public keys (43 characters of base64url), got '${key}'`);
  if (env.RAS_AUDIT_KEY) return { key: { kind: 'text', pem: env.RAS_AUDIT_KEY }, trustedKeys };
  const store = storeOf(env);
  const path = env.RAS_AUDIT_KEY_FILE
    ? resolve(env.RAS_AUDIT_KEY_FILE)
    : store.kind === 'lowdb'
      ? join(dirname(store.dataDir), DEFAULT_AUDIT_KEY_FILE)
      : resolve(DEFAULT_AUDIT_KEY_FILE);
  if (store.kind === 'lowdb' && isInside(path, store.dataDir))
    throw new ConfigError(
      `RAS_AUDIT_KEY_FILE (${path}) is inside the data directory: keep the audit key where the data directory's backups and its readers do not reach`,
    );
  return { key: { kind: 'file', path }, trustedKeys };
}

function isInside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

/** 'true', a number of hops, or addresses and names as express takes them ('loopback, 10.0.0.0/8'). */
function trustProxyOf(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function secondsOf(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new ConfigError(`${name} must be a whole number of seconds, got '${value}'`);
  return seconds;
}

function storeOf(env: NodeJS.ProcessEnv): StoreLocation {
  const url = env.RAS_DATABASE_URL;
  if (!url) return { kind: 'lowdb', dataDir: resolve(env.RAS_DATA_DIR ?? './data') };
  if (!isDatabaseUrl(url)) throw new ConfigError(`RAS_DATABASE_URL must be a postgres:// URL, got '${withoutPassword(url)}'`);
  const schema = env.RAS_DATABASE_SCHEMA ?? 'public';
  if (!isSchemaName(schema)) throw new ConfigError(`RAS_DATABASE_SCHEMA must be a lower-case schema name, got '${schema}'`);
  return { kind: 'postgres', url, schema };
}
