/**
 * Hostile HTTP requests, generated from a seed so a failing stream can be replayed exactly: a small
 * PRNG (mulberry32), random JSON with awkward keys and strings, and whole requests — methods, paths,
 * query strings, credentials, bodies and content types — aimed at the routes of the app.
 */

export type Random = () => number;

/** mulberry32: a tiny, fast, seeded generator of floats in [0, 1). */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
export const chance = (rand: Random, p: number): boolean => rand() < p;

/** Keys that have tripped up JavaScript servers: prototype keys, empty, odd unicode, long. */
export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
  ' ',
  '$ref',
  '$schema',
  'a/b',
  '~0',
  '\u0000',
  '\u202e',
  '\ufeff',
  'é',
  '💩',
  'x'.repeat(300),
] as const;

export const NASTY_STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  '2020-02-30',
  '2021-02-29',
  '2020-13-01',
  '0000-00-00',
  '9999-12-31',
  '2010-06-01',
  '20100601',
  '2010-6-1',
  '2010-06-01T00:00:00Z',
  'today',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202eevil',
  '\ufeffbom',
  'Ω≈ç√',
  '👩‍👩‍👧‍👦',
  'ﷺ',
  'a\nb',
  '\r\n\r\n',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, sent as it is
  '${jndi:ldap://x}',
  '{{7*7}}',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
  'adult-ras',
  '2009-pilot',
  'older-people',
] as const;

const NUMBERS = [0, -0, 1, -1, 0.5, 1e308, -1e308, 2 ** 53 + 2, 100_000_001, 130, 131, 52.1775] as const;

/** Random JSON, at most `depth` levels deep. */
export function randomJson(rand: Random, depth = 4): unknown {
  const kind = depth <= 0 ? Math.floor(rand() * 4) : Math.floor(rand() * 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return chance(rand, 0.5);
    case 2:
      return pick(rand, NUMBERS);
    case 3:
      return pick(rand, NASTY_STRINGS);
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth - 1));
    default:
      return randomObject(rand, depth - 1);
  }
}

export function randomObject(rand: Random, depth = 3, keys: readonly string[] = NASTY_KEYS): Record<string, unknown> {
  const entries = Array.from({ length: Math.floor(rand() * 5) }, () => [pick(rand, keys), randomJson(rand, depth)] as const);
  return objectOf(entries);
}

/** Builds an object with own properties even for keys like '__proto__' (as JSON.parse does). */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A valid body changed in one hostile way: a field dropped, retyped, added or nested. */
export function mutate(rand: Random, valid: Record<string, unknown>): unknown {
  const keys = Object.keys(valid);
  const key = keys.length > 0 ? pick(rand, keys) : 'x';
  switch (Math.floor(rand() * 6)) {
    case 0:
      return objectOf(Object.entries(valid).filter(([k]) => k !== key));
    case 1:
      return objectOf([...Object.entries(valid).filter(([k]) => k !== key), [key, randomJson(rand, 2)]]);
    case 2:
      return objectOf([...Object.entries(valid), [pick(rand, NASTY_KEYS), randomJson(rand, 2)]]);
    case 3: {
      const inner = valid[key];
      return inner && typeof inner === 'object' && !Array.isArray(inner)
        ? objectOf([...Object.entries(valid).filter(([k]) => k !== key), [key, mutate(rand, inner as Record<string, unknown>)]])
        : objectOf([...Object.entries(valid), [key, [valid[key]]]]);
    }
    case 4:
      return [valid];
    default:
      return valid;
  }
}

export const MALFORMED_BODIES = [
  '{',
  '}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  'Infinity',
  'undefined',
  'nul',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"unterminated}',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"__proto__":',
  '\ufeff\ufeff{}',
  '/* comment */ {}',
  '"just a string"',
  '42',
  'null',
] as const;

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16',
  'image/png',
  'json',
] as const;

export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** For reports: the operation the request was made from ('post /api/policies/{id}/evaluate'), or 'random'. */
  template: string;
}

/** One operation of the OpenAPI document, as the generator aims at it. */
export interface TargetOperation {
  method: string;
  /** The OpenAPI path template, e.g. /api/policies/{id} */
  template: string;
  /** Roles that may call it; empty for public operations. */
  roles: readonly string[];
  takesBody: boolean;
}

/** Every operation the server documents, read from its OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, { 'x-roles'?: string[]; requestBody?: unknown }>>;
}): TargetOperation[] {
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      template,
      roles: op['x-roles'] ?? [],
      takesBody: op.requestBody !== undefined,
    })),
  );
}

export interface Ingredients {
  operations: readonly TargetOperation[];
  /** Values that name real things, used for path parameters part of the time. */
  realParams: Record<string, readonly string[]>;
  /** Valid bodies to mutate, by `${method} ${template}`. */
  validBodies: Record<string, Record<string, unknown>>;
  /** Valid credentials (header sets), by role. */
  credentials: Record<string, ReadonlyArray<Record<string, string>>>;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const BAD_SEGMENTS = ['%', '%E0%A4%A', '%C0%AF', '%00', '%2F', '..', '%2e%2e', '%F0%9F%92%A9', '%EF%BB%BF', '%u0041'] as const;
const BAD_CREDENTIALS: ReadonlyArray<Record<string, string>> = [
  { authorization: 'Bearer' },
  { authorization: 'Bearer not-a-real-session-token' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'ApiKey ras_' },
  { authorization: 'ApiKey ras_deadbeef_secret' },
  { authorization: 'Negotiate x y z' },
  { 'x-api-key': '' },
  { 'x-api-key': 'not-a-key' },
  { 'x-api-key': 'ras___' },
  { authorization: `Bearer ${'A'.repeat(4000)}` },
];

/** encodeURIComponent, with lone surrogates (which it cannot encode) sent as U+FFFD. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function segment(rand: Random, name: string, real: Record<string, readonly string[]>): string {
  const known = real[name];
  if (known && chance(rand, 0.4)) return encode(pick(rand, known));
  if (chance(rand, 0.15)) return pick(rand, BAD_SEGMENTS);
  const raw = pick(rand, [...NASTY_STRINGS, ...NASTY_KEYS]);
  return raw === '' ? 'x' : encode(raw.slice(0, 300));
}

function query(rand: Random): string {
  if (!chance(rand, 0.35)) return '';
  const names = ['date', 'asOf', 'policyId', 'target', 'actor', 'action', '__proto__', 'constructor', 'date[]', 'asOf[a]'];
  const parts = Array.from(
    { length: 1 + Math.floor(rand() * 3) },
    () => `${encode(pick(rand, names))}=${encode(pick(rand, NASTY_STRINGS).slice(0, 100))}`,
  );
  return `?${parts.join('&')}`;
}

/** One generated request. */
export function hostileRequest(rand: Random, ing: Ingredients): HostileRequest {
  const headers: Record<string, string> = {};
  let method: string;
  let path: string;
  let template: string;
  let target: TargetOperation | undefined;
  if (chance(rand, 0.88)) {
    target = pick(rand, ing.operations);
    template = `${target.method} ${target.template}`;
    method = chance(rand, 0.8) ? target.method.toUpperCase() : pick(rand, METHODS);
    path = target.template.replace(/\{(\w+)\}/g, (_, name: string) => segment(rand, name, ing.realParams)) + query(rand);
  } else {
    template = 'random';
    method = pick(rand, METHODS);
    path =
      pick(rand, [
        '/api',
        '/api/',
        '/api/nope',
        '/api/policies/a/b/c/d/e/f',
        '/api//policies',
        '/API/HEALTH',
        '/api/health/',
        '/api/users/x/api-keys',
        '/api/%2e%2e/etc',
        '/nope',
        '/',
        '/api/decisions/x/y',
        '/api/audit/verify/x',
        '/api/schemas/',
        '/api/__proto__',
        '/api/constructor/prototype',
      ]) + query(rand);
  }

  // Credentials: none, one of a role the operation allows (so most requests get past the front door),
  // any valid one, or a broken one. Signing out, or changing a password, would spoil a shared session.
  const credential = rand();
  const spoils = template === 'post /api/auth/logout' || template === 'post /api/auth/password';
  const allowed = target && target.roles.length > 0 ? target.roles.flatMap((r) => ing.credentials[r] ?? []) : [];
  const any = Object.values(ing.credentials).flat();
  if (!spoils && credential < 0.4 && allowed.length > 0) Object.assign(headers, pick(rand, allowed));
  else if (!spoils && credential < 0.55 && any.length > 0) Object.assign(headers, pick(rand, any));
  else if (credential < 0.7) Object.assign(headers, pick(rand, BAD_CREDENTIALS));
  if (chance(rand, 0.1)) headers['if-match'] = pick(rand, ['*', '"x"', '', 'W/"x"', '"sha256:0"']);

  // Body: none, random JSON, a valid body made hostile, malformed text, or not JSON at all.
  const validBody = ing.validBodies[template] ?? ing.validBodies[pick(rand, Object.keys(ing.validBodies))]!;
  const b = rand();
  let body: string | Uint8Array | undefined;
  if (b < 0.12) {
    body = undefined;
  } else if (b < 0.35) {
    body = JSON.stringify(randomJson(rand, 4));
    headers['content-type'] = 'application/json';
  } else if (b < 0.6) {
    body = JSON.stringify(mutate(rand, validBody));
    headers['content-type'] = 'application/json';
  } else if (b < 0.7) {
    // A valid body with one string that is not Unicode, or one field nested far too deep.
    body = chance(rand, 0.6) ? withLoneSurrogate(rand, validBody) : withDeepField(rand, validBody);
    headers['content-type'] = 'application/json';
  } else if (b < 0.8) {
    body = pick(rand, MALFORMED_BODIES);
    headers['content-type'] = pick(rand, ['application/json', 'application/json; charset=utf-8', 'application/problem+json']);
  } else if (b < 0.92) {
    body = chance(rand, 0.5) ? 'a=1&b=2' : JSON.stringify(randomJson(rand, 2));
    headers['content-type'] = pick(rand, CONTENT_TYPES);
  } else if (b < 0.95) {
    body = Uint8Array.from({ length: 64 }, () => Math.floor(rand() * 256));
    headers['content-type'] = 'application/json';
  } else {
    body = JSON.stringify({ ...validBody, padding: 'x'.repeat(1_100_000) });
    headers['content-type'] = 'application/json';
  }
  // fetch cannot send a body with GET; DELETE usually has none.
  if (body !== undefined && (method === 'GET' || (method === 'DELETE' && chance(rand, 0.7)))) {
    body = undefined;
    delete headers['content-type'];
  }
  return { method, path, headers, body, template };
}

/** The body as JSON text, with one string value (or, if it has none, a new field) made a lone surrogate. */
function withLoneSurrogate(rand: Random, valid: Record<string, unknown>): string {
  const text = JSON.stringify(valid);
  const strings = [...text.matchAll(/"(?:[^"\\]|\\.)*"(?!\s*:)/g)];
  const surrogate = pick(rand, ['\\ud800', '\\udfff', 'a\\udbff', '\\udc00z']);
  if (strings.length === 0) return text.replace(/^\{/, `{"x":"${surrogate}",`).replace(/,\}$/, '}');
  const at = pick(rand, strings);
  return `${text.slice(0, at.index! + 1)}${surrogate}${text.slice(at.index! + at[0].length - 1)}`;
}

/** The body as JSON text with one field replaced by arrays nested far beyond any real document. */
function withDeepField(rand: Random, valid: Record<string, unknown>): string {
  const depth = pick(rand, [100, 5_000, 100_000]);
  const keys = Object.keys(valid);
  const key = keys.length > 0 ? pick(rand, keys) : 'x';
  const deep = `${'['.repeat(depth)}"${key}"${']'.repeat(depth)}`;
  const rest = JSON.stringify(objectOf(Object.entries(valid).filter(([k]) => k !== key))).slice(1, -1);
  return `{${JSON.stringify(key)}:${deep}${rest ? `,${rest}` : ''}}`;
}

/** Runs `work` over items with at most `limit` in flight at once. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
