/** One route of the route table as an OpenAPI operation: its parameters, body, and every response it can give. */

import { type RouteSpec, rolesOf } from '../route-table.js';
import { ROLES } from '../store/records.js';
import { ref, string, type Schema } from './json-schema.js';

export type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428;

export interface Parameter {
  name: string;
  in: 'query' | 'header';
  required?: boolean;
  description: string;
  schema: Schema;
}

export interface Operation {
  body?: Schema;
  /** The body may also be sent as these media types (besides application/json, when `body` is given). */
  bodyTypes?: Record<string, Schema>;
  params?: Parameter[];
  /** The success response: status, and its schema (none for 204). */
  ok: [Status, Schema?];
  /** Response headers on success. */
  okHeaders?: Record<string, string>;
  /** A second success response, when the operation has two outcomes (a job accepted or finished; a result saved or not). */
  alsoOk?: { status: Status; description: string; schema: Schema; headers?: Record<string, string> };
  /** What the main success response means, when there is a second one. */
  okDescription?: string;
  /** Problems this operation can answer with, besides the ones every operation of its kind can. */
  problems?: Partial<Record<Status, string>>;
  /** Another media type for the success body. */
  okType?: string;
}

const REASONS: Record<number, string> = {
  400: 'The body is not valid JSON, a path segment cannot be decoded, or a query parameter is malformed.',
  401: 'No credentials, or the credentials sent are malformed, unknown, expired or revoked.',
  403: 'The caller does not have a role this operation needs.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  412: 'Precondition failed.',
  413: 'The body is larger than the limit (1 MB by default).',
  415: 'A body was sent that is not JSON (Content-Type must be application/json), or in an unsupported charset or encoding.',
  422: 'The body is well-formed JSON but invalid.',
  428: 'Precondition required.',
};

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

export function operation(route: RouteSpec, path: string, details: Operation | undefined): object {
  const d: Operation = details ?? { ok: [200] };
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const takesBody = route.method === 'post' || route.method === 'put' || route.method === 'patch';
  const [okStatus, okSchema] = d.ok;

  const problems: Partial<Record<number, string>> = { 400: REASONS[400] };
  if (route.access !== 'public') problems[401] = REASONS[401];
  else problems[401] = 'Credentials were sent but are malformed, unknown, expired or revoked (they are checked even here).';
  const guarded = route.access !== 'public' && route.access !== 'signed-in';
  if (guarded) problems[403] = REASONS[403];
  if (takesBody) Object.assign(problems, { 413: REASONS[413], 415: REASONS[415] });
  for (const [status, why] of Object.entries(d.problems ?? {})) {
    const code = Number(status);
    problems[code] = problems[code] && code === 403 ? `${problems[code]} Or: ${why}` : code === 400 ? `${REASONS[400]} ${why}` : why;
  }

  const headers = (named: Record<string, string> | undefined) =>
    named
      ? { headers: Object.fromEntries(Object.entries(named).map(([name, description]) => [name, { description, schema: string }])) }
      : {};
  const responses: Record<string, object> = {
    [okStatus]: {
      description: d.okDescription ?? (okStatus === 204 ? 'Done; no content.' : 'Success.'),
      ...headers(d.okHeaders),
      ...(okSchema ? { content: { [d.okType ?? 'application/json']: { schema: okSchema } } } : {}),
    },
  };
  if (d.alsoOk) {
    responses[d.alsoOk.status] = {
      description: d.alsoOk.description,
      ...headers(d.alsoOk.headers),
      content: { 'application/json': { schema: d.alsoOk.schema } },
    };
  }
  for (const status of Object.keys(problems)
    .map(Number)
    .sort((a, b) => a - b)) {
    responses[status] = { description: problems[status], content: { 'application/problem+json': { schema: ref('Problem') } } };
  }

  return {
    operationId: operationId(route.method, path),
    summary: route.summary,
    tags: [tagOf(route.path)],
    ...(route.access === 'public' ? { security: [] } : {}),
    'x-access': guarded ? 'roles' : route.access,
    ...(guarded ? { 'x-permission': route.access } : {}),
    'x-roles': [...rolesOf(route.access, ROLES)],
    ...(pathParams.length + (d.params?.length ?? 0) > 0 ? { parameters: [...pathParams, ...(d.params ?? [])] } : {}),
    ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: d.body }, ...mediaTypes(d.bodyTypes) } } } : {}),
    responses,
  };
}

function mediaTypes(types: Record<string, Schema> | undefined): Record<string, { schema: Schema }> {
  return Object.fromEntries(Object.entries(types ?? {}).map(([type, schema]) => [type, { schema }]));
}

export function tagOf(path: string): string {
  return path.split('/')[2] ?? 'api';
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
