import { ENGINE_VERSION } from '../engine/index.js';
import type { RouteSpec } from './route-table.js';

/** Placeholder replaced by the full contract (see openapi-contract.ts). */
export function openApiDocument(routes: readonly RouteSpec[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method] = { summary: r.summary, responses: { default: { description: 'See problem details' } } };
  }
  return { openapi: '3.1.0', info: { title: 'RAS policy engine API', version: ENGINE_VERSION }, paths };
}
