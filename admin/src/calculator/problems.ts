/**
 * Calls whose problem documents are read field by field. The shared `api()` folds the problem's
 * errors into a form-shaped object; here the calculator and comparison need each error's code too.
 */

import { session } from '../http';

export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[],
  ) {
    super(message);
  }
}

export async function request<T>(
  path: string,
  init: { method?: string; body?: unknown; contentType?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const token = session.token();
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    signal: init.signal,
    headers: {
      ...(init.body !== undefined ? { 'Content-Type': init.contentType ?? 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: { detail?: string; title?: string; errors?: unknown } | string | null = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) {
    throw new ProblemError(
      response.status,
      (typeof body === 'object' && (body?.detail ?? body?.title)) || explainStatus(response.status),
      typeof body === 'object' && Array.isArray(body?.errors) ? body.errors : [],
    );
  }
  return body as T;
}

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

export const messageOf = (e: unknown): string =>
  e instanceof ProblemError && e.status === 403 ? `${explainStatus(403)} (${e.message})` : e instanceof Error ? e.message : String(e);

/** Money pointers (`/answers/pc-washing`) to their messages. */
export const byPointer = (errors: FieldProblem[]): Record<string, FieldProblem> => Object.fromEntries(errors.map((e) => [e.pointer, e]));
