/**
 * Once per test run: a template data directory (the seeded examples, one signed-in user per role) made
 * through the real API, which each suite's server copies instead of building its own.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplate } from './support/server.js';

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'ras-template-'));
  await createTemplate(root);
  project.provide('templateDataDir', root);
  return () => rmSync(root, { recursive: true, force: true });
}
