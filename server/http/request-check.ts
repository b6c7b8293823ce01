/**
 * The check a route runs on its request body before its handler: the body's schema (named in the route
 * table) with the engine's documents in it passed through to the engine, which checks them itself.
 */

import type { Request } from 'express';
import { type Issue, schemaValidator } from '../../engine/index.js';
import type { RequestBodies } from '../contract/request-bodies.js';
import { unprocessable } from './errors.js';
import { ENGINE_DOCUMENTS, REQUEST_BODIES, REQUEST_PARTS, type RequestName } from './request-schemas.js';

export type { RequestBodies, RequestName };

const checkers = new Map<RequestName, (json: unknown) => Issue[]>();

/** The body, checked against the named schema; a 422 problem lists every issue at its pointer. */
export function checkedBody<N extends RequestName>(
  name: N,
  req: Request,
  /** Problems of the body the route's own rules find even when the schema refuses it, answered with the schema's. */
  alsoRefused?: (body: unknown) => ReadonlyArray<{ pointer: string; code: string; message: string }>,
): RequestBodies[N] {
  let check = checkers.get(name);
  if (!check) {
    check = schemaValidator(routeCheck(REQUEST_BODIES[name]));
    checkers.set(name, check);
  }
  const issues = check(req.body);
  if (issues.length > 0 && alsoRefused) {
    const atFault = new Set(issues.map((i) => i.path));
    for (const p of alsoRefused(req.body))
      if (!atFault.has(p.pointer)) issues.push({ code: p.code as Issue['code'], path: p.pointer, message: p.message, severity: 'error' });
  }
  if (issues.length > 0)
    throw unprocessable(
      'Some of what was sent is not as it needs to be: each problem is listed with where it is and what is wrong.',
      issues,
    );
  return req.body as RequestBodies[N];
}

/** The schema as a route checks it: references resolved, an engine document anything (the engine checks it). */
function routeCheck(node: unknown): object {
  if (Array.isArray(node)) return node.map(routeCheck);
  if (node === null || typeof node !== 'object') return node as object;
  const reference = (node as { $ref?: unknown }).$ref;
  if (typeof reference === 'string') {
    const target = reference.replace('#/components/schemas/', '');
    if ((ENGINE_DOCUMENTS as readonly string[]).includes(target)) return {};
    const shared = { ...REQUEST_BODIES, ...REQUEST_PARTS } as Record<string, object>;
    if (Object.hasOwn(shared, target)) return routeCheck(shared[target]);
    throw new Error(`A request body refers to ${reference}, which is neither an engine document nor a request body`);
  }
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, routeCheck(child)]));
}
