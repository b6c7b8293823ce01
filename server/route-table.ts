/**
 * Every route is declared with the action it performs, and the check runs on the server before the
 * handler: the action's roles come from the permissions table. The table is data, so the role tests,
 * GET /api/auth/me and the OpenAPI document read the same declarations.
 */

import type { Request, RequestHandler, Response, Router } from 'express';
import { HttpProblem } from './errors.js';
import { type Action, may, rolesFor } from './permissions.js';
import type { Role } from './store/records.js';

export type Access = 'public' | 'signed-in' | Action;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec {
  method: Method;
  /** Express path, e.g. /api/policies/:id */
  path: string;
  access: Access;
  summary: string;
  handler: (req: Request, res: Response) => unknown;
}

export function route(method: Method, path: string, access: Access, summary: string, handler: RouteSpec['handler']): RouteSpec {
  return { method, path, access, summary, handler };
}

/** The roles that may call a route: none named for public routes, every role for any signed-in caller. */
export function rolesOf(access: Access, allRoles: readonly Role[]): readonly Role[] {
  if (access === 'public') return [];
  return access === 'signed-in' ? allRoles : rolesFor(access);
}

export function mount(router: Router, routes: readonly RouteSpec[]): void {
  for (const spec of routes) {
    const guard: RequestHandler = (req, _res, next) => next(refusal(spec.access, req));
    router[spec.method](spec.path, guard, async (req, res) => {
      await spec.handler(req, res);
    });
  }
}

function refusal(access: Access, req: Request): HttpProblem | undefined {
  if (access === 'public') return undefined;
  if (!req.caller) return new HttpProblem(401, 'not_signed_in', 'Sign in, or send an API key, to use this route.');
  if (access === 'signed-in' || may(req.caller.roles, access)) return undefined;
  const roles = rolesFor(access);
  return new HttpProblem(
    403,
    'role_required',
    `This needs one of the roles ${roles.map((r) => `'${r}'`).join(', ')}; you have ${req.caller.roles.map((r) => `'${r}'`).join(', ') || 'none'}.`,
  );
}
