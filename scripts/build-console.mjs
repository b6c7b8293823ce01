#!/usr/bin/env node
/**
 * Builds the console into dist/admin only when it is missing or its sources changed since the last
 * build, so `npm start` on a warm checkout starts the server at once. The sources are everything the
 * bundle can include: admin/, the engine the console reuses, the schemas, and the locked packages.
 * Plain JavaScript, so the check costs no TypeScript loader before the server starts.
 *
 *   node scripts/build-console.mjs [--force]
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist/admin');
const STAMP = join(OUT_DIR, '.sources-hash');
const INPUTS = ['admin', 'engine', 'rules/policy.schema.json', 'rules/assessment.schema.json', 'package-lock.json'];

function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourcesHash();
const built = existsSync(join(OUT_DIR, 'index.html')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (built === wanted && !process.argv.includes('--force')) process.exit(0);

console.log(built ? 'The console sources changed: building the console.' : 'Building the console (first run).');
const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
const run = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'admin/vite.config.ts'), '--logLevel', 'warn'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(STAMP, `${wanted}\n`);
