/** Settings from the environment, checked once at start-up with a clear message for each mistake. */

import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  consoleDir: string;
  adminUsername: string | null;
  adminPassword: string | null;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got '${env.PORT}'`);
  const adminUsername = env.RAS_ADMIN_USERNAME ?? null;
  const adminPassword = env.RAS_ADMIN_PASSWORD ?? null;
  if ((adminUsername === null) !== (adminPassword === null))
    throw new ConfigError('set both RAS_ADMIN_USERNAME and RAS_ADMIN_PASSWORD, or neither');
  if (adminPassword !== null && adminPassword.length < 12) throw new ConfigError('RAS_ADMIN_PASSWORD must be at least 12 characters');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.RAS_DATA_DIR ?? './data'),
    consoleDir: resolve(env.RAS_CONSOLE_DIR ?? './dist/admin'),
    adminUsername,
    adminPassword,
  };
}
