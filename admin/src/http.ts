/**
 * The console's only way to the server: fetch over HTTP with the session token. A problem document
 * (RFC 9457) becomes react-admin's HttpError, with each JSON Pointer turned into the nested shape of
 * the form, so the server's validation errors appear next to the fields they name.
 */

import { HttpError } from 'react-admin';
import type { Problem, ProblemError } from './contract/api-answers';
import { plainMessage } from './plainErrors';

// A refused request's problem document and each problem in it, as the API's components state them (generated).
export type { Problem, ProblemError };

const TOKEN_KEY = 'ras.token';

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: boolean; signal?: AbortSignal } = {},
): Promise<ApiResponse<T>> {
  const token = session.token();
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    signal: init.signal,
    // Answers hold changing data (a version's status, a decision's final budget): a copy from the browser's
    // cache, revalidated or not, could show a state already gone. Always ask the server.
    cache: 'no-store',
    headers: {
      ...(init.body !== undefined
        ? {
            'Content-Type':
              typeof init.body === 'string' && init.headers?.['Content-Type'] ? init.headers['Content-Type'] : 'application/json',
          }
        : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body = text && !init.raw ? safeJson(text) : text;
  if (!response.ok) throw toHttpError(response.status, body);
  return { status: response.status, headers: response.headers, body: body as T };
}

/** A document the server makes (a letter, a PDF, a CSV) as bytes and the name it gives the file, with the same credentials and errors as api(). */
export async function apiFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const token = session.token();
  const response = await fetch(path, { cache: 'no-store', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw toHttpError(response.status, safeJson(await response.text()));
  const fileName = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/** The problems a refused request listed, each with its pointer and code (none for other failures). */
export const problemsOf = (e: unknown): ProblemError[] =>
  e instanceof HttpError && Array.isArray(e.body?.problems) ? (e.body.problems as ProblemError[]) : [];

/** The HTTP status of a failed request, or null when it never reached the server. */
export const statusOf = (e: unknown): number | null => (e instanceof HttpError ? e.status : null);

/**
 * A failure in words for the person at the screen: what the server said, or what its status means. A
 * refusal for want of a role is said as that, without the roles' ids; any other refusal (a wrong setup
 * code, a wrong current password) is the server's own sentence, never blamed on a role.
 */
export const messageOf = (e: unknown): string => {
  if (!(e instanceof HttpError)) return e instanceof Error ? e.message : String(e);
  return e.status === 403 && e.body?.type === '/problems/role_required' ? explainStatus(403) : e.message;
};

export function explainStatus(status: number): string {
  switch (status) {
    case 401:
      return 'Your session has ended: please sign in again.';
    case 403:
      return 'Your role does not allow this. Ask an administrator if you need it.';
    case 404:
      return 'That could not be found. It may have been deleted.';
    default:
      return `The server could not do this (status ${status}). Please try again.`;
  }
}

/** Money pointers (`/answers/pc-washing`) to their problems. */
export const byPointer = (errors: ProblemError[]): Record<string, ProblemError> => Object.fromEntries(errors.map((e) => [e.pointer, e]));

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The error a form shows: each field's message in plain English under the field; the problems as the
 * server listed them (pointer, code, message) kept as `problems`, for an error summary that names them.
 */
function toHttpError(status: number, body: unknown): HttpError {
  const problem = body as Partial<Problem>;
  const message = problem?.detail ?? problem?.title ?? explainStatus(status);
  const problems = problem?.errors ?? [];
  return new HttpError(message, status, {
    ...problem,
    problems,
    errors: fieldErrors(problems.map((p) => ({ pointer: p.pointer, message: plainMessage(p) }))),
  });
}

/** `/pricing/default/bands/2/to` -> { pricing: { default: { bands: { 2: { to: message } } } } } */
export function fieldErrors(errors: Array<{ pointer: string; message: string }>): Record<string, unknown> {
  type Tree = { [key: string]: Tree | string };
  const out: Tree = {};
  for (const { pointer, message } of errors) {
    const parts = pointer
      .split('/')
      .slice(1)
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (parts.length === 0) {
      out.root = { serverError: message };
      continue;
    }
    let node = out;
    for (const p of parts.slice(0, -1)) {
      const child = node[p];
      const next: Tree = typeof child === 'object' ? child : {};
      node[p] = next;
      node = next;
    }
    node[parts[parts.length - 1]!] = message;
  }
  return out;
}
