/**
 * The server tries the evaluation routes before the others (they are called at volume), which is safe
 * only because the order of routes decides nothing: no request can match two routes of one method.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { testAuditKey } from '../support/audit-key.js';

async function routeTable() {
  const dir = mkdtempSync(join(tmpdir(), 'ras-route-order-'));
  const store = await LowdbStore.open(dir, { auditKey: await testAuditKey() });
  try {
    return createApp({ store, uploadDir: dir }).routes;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether some path matches both patterns: as many segments, each the same word or a parameter in either. */
function overlap(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  return x.length === y.length && x.every((segment, i) => segment === y[i] || segment.startsWith(':') || y[i]!.startsWith(':'));
}

describe('the order of routes decides nothing', () => {
  it('every route pattern is words and named parameters only, so overlap can be decided segment by segment', async () => {
    for (const { path } of await routeTable()) expect(path, path).toMatch(/^(\/(:[A-Za-z]+|[a-z0-9.-]+))+$/);
  });

  it('no two routes of one method match the same path', async () => {
    const routes = await routeTable();
    expect(routes.length).toBeGreaterThan(50);
    const clashes = routes.flatMap((a, i) =>
      routes.slice(i + 1).flatMap((b) => (a.method === b.method && overlap(a.path, b.path) ? [`${a.method} ${a.path} / ${b.path}`] : [])),
    );
    expect(clashes).toEqual([]);
  });

  it('the overlap test finds a clash where there is one', () => {
    expect(overlap('/api/policies/:id/evaluate', '/api/policies/:id/:action')).toBe(true);
    expect(overlap('/api/policies/:id/evaluate', '/api/policies/:id/versions')).toBe(false);
    expect(overlap('/api/policies/:id', '/api/policies/:id/versions')).toBe(false);
  });
});
