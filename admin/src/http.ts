/**
 * The console's only way to the server: fetch over HTTP with the session token. A problem document
 * (RFC 9457) becomes react-admin's HttpError, with each JSON Pointer turned into the nested shape of
 * the form, so the server's validation errors appear next to the fields they name.
 */

import { HttpError } from 'react-admin';
import { plainMessage } from './plainErrors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ pointer: string; code: string; message: string }>;
}

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
  init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: boolean } = {},
): Promise<ApiResponse<T>> {
  const token = session.token();
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    // A version's ETag is its content hash, which a status change (submit, ratify) leaves alone: a revalidated
    // 304 would bring back the old status from the browser's cache. Always ask the server.
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

/** A document the server makes (a letter, a PDF) as bytes, with the same credentials and errors as api(). */
export async function apiBlob(path: string): Promise<Blob> {
  const token = session.token();
  const response = await fetch(path, { cache: 'no-store', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw toHttpError(response.status, safeJson(await response.text()));
  return response.blob();
}

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
  const message = problem?.detail ?? problem?.title ?? `The server answered ${status}`;
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
