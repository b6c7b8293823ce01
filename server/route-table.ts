/**
 * Every route is declared with the action it performs, and the check runs on the server before the
 * handler, and before the body is read: a caller who may not use a route never makes the server read
 * what they send. The action's roles come from the permissions table. Each route also names the body
 * it takes and what it answers on success, by their components. The table is data, so the role tests,
 * GET /api/auth/me and the OpenAPI document read the same declarations.
 */

import type { Request, RequestHandler, Response, Router } from 'express';
import { HttpProblem } from './http/errors.js';
import { type BodyKind, bodyReaders } from './http/request-body.js';
import { ENGINE_DOCUMENTS, type RequestName } from './http/request-schemas.js';
import { type Action, may, rolesFor } from './domain/permissions.js';
import type { Role } from './store/records.js';
import { checkedBody, type RequestBodies } from './http/request-check.js';
import type { ComponentName } from './openapi/components.js';

export type Access = 'public' | 'signed-in' | Action;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A document of the engine's, which a handler passes to the engine to check. */
export type EngineDocument = (typeof ENGINE_DOCUMENTS)[number];
/** What a route's body is: a request body the route checks before its handler, or an engine document. */
export type Takes = RequestName | EngineDocument;
/** The body a handler is given: checked and typed by its schema; an engine document is the engine's to check. */
export type BodyOf<T extends Takes | undefined> = T extends RequestName ? RequestBodies[T] : unknown;

/** The body of a success answer: a component of the API document by name, a list of them, or, for a body no component describes (a page, a file), its schema written out. */
export type AnswerSchema = ComponentName | { listOf: ComponentName; maxItems?: number } | { inline: Record<string, unknown> };

/** One success answer: its status, body, media type (default application/json) and headers (name: what it says). */
export type Answer = ({ status: 204; schema?: never; type?: never } | { status: 200 | 201 | 202; schema: AnswerSchema; type?: string }) & {
  headers?: Record<string, string>;
  /** What the answer means (default: "Success.", or "Done; no content." for 204). */
  description?: string;
};

/** What a route answers when it succeeds, and the second outcome of a route that has two (a job accepted or finished; a result saved or not). */
export type Answers = Answer & { also?: Answer & { description: string } };

export interface RouteSpec {
  method: Method;
  /** Express path, e.g. /api/policies/:id */
  path: string;
  access: Access;
  summary: string;
  /** Declared as a method, so that a handler taking one route's body is a handler of the table. */
  handler(req: Request, res: Response, body: unknown): unknown;
  /** The schema of the body (server/http/request-schemas.ts), or the engine document it is: checked, typed and documented from that. */
  takes?: Takes;
  /** What it answers on success: documented from that. */
  answers: Answers;
  /** How the body is read: JSON (the default for POST, PUT and PATCH), to a file (uploads), or not at all. */
  body?: BodyKind;
  /** The most bytes the body may have (default: DEFAULT_JSON_LIMIT). */
  bodyLimit?: number;
  /** Media types an upload may have besides JSON. */
  uploadTypes?: readonly string[];
  /** Problems the route's own rules find in a body its schema refuses, answered together with the schema's. */
  alsoRefused?: (body: unknown) => ReadonlyArray<{ pointer: string; code: string; message: string }>;
  /** Run after the body is read and before the handler: rate limits. */
  before?: RequestHandler[];
}

/** The body limit of a route that sets none of its own. */
export const DEFAULT_JSON_LIMIT = 1024 * 1024;
/** A policy document: room for the schema's largest (5,000 questions a questionnaire is about 1.2 MB). */
export const POLICY_DOCUMENT_LIMIT = 8 * 1024 * 1024;

export interface RouteOptions<T extends Takes | undefined = Takes | undefined> {
  takes?: T;
  answers: Answers;
  body?: BodyKind;
  bodyLimit?: number;
  uploadTypes?: readonly string[];
  alsoRefused?: RouteSpec['alsoRefused'];
  before?: RequestHandler[];
}

export function route<T extends Takes | undefined = undefined>(
  method: Method,
  path: string,
  access: Access,
  summary: string,
  handler: (req: Request, res: Response, body: BodyOf<T>) => unknown,
  options: RouteOptions<T>,
): RouteSpec {
  return { method, path, access, summary, handler, ...options };
}

/** The roles that may call a route: none named for public routes, every role for any signed-in caller. */
export function rolesOf(access: Access, allRoles: readonly Role[]): readonly Role[] {
  if (access === 'public') return [];
  return access === 'signed-in' ? allRoles : rolesFor(access);
}

export function bodyKindOf(spec: Pick<RouteSpec, 'method' | 'body'>): BodyKind {
  return spec.body ?? (spec.method === 'get' || spec.method === 'delete' ? 'none' : 'json');
}

export function mount(router: Router, routes: readonly RouteSpec[], uploadDir: string): void {
  for (const spec of routes) {
    const guard: RequestHandler = (req, _res, next) => next(refusal(spec.access, req));
    const readers = bodyReaders(bodyKindOf(spec), spec.bodyLimit ?? DEFAULT_JSON_LIMIT, uploadDir, spec.uploadTypes);
    // express 5 passes a handler's rejected promise to the error handler, so an async handler needs no wrapper.
    const takes = spec.takes;
    const handle: RequestHandler =
      takes === undefined || isEngineDocument(takes)
        ? (req, res) => spec.handler(req, res, req.body)
        : (req, res) => spec.handler(req, res, checkedBody(takes, req, spec.alsoRefused));
    router[spec.method](spec.path, guard, ...readers, ...(spec.before ?? []), handle);
  }
}

function isEngineDocument(takes: Takes): takes is EngineDocument {
  return (ENGINE_DOCUMENTS as readonly string[]).includes(takes);
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
